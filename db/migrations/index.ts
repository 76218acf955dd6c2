import type { Migration } from "kysely";
import * as m0001 from "./0001_initial";
import * as m0002 from "./0002_workshops";
import * as m0003 from "./0003_action_plans";
import * as m0004 from "./0004_item_catalogue";
import * as m0005 from "./0005_round_snapshots";
import * as m0006 from "./0006_round_deep_dive_modules";
import * as m0007 from "./0007_result_snapshots";
import * as m0008 from "./0008_access_invitations";
import * as m0009 from "./0009_result_snapshot_compare_extract";
import * as m0010 from "./0010_rate_limits";
import * as m0011 from "./0011_national_view";
import * as m0012 from "./0012_response_versions";
import * as m0013 from "./0013_paper_entry_and_invited";
import * as m0014 from "./0014_drop_round_aggregates";
import * as m0015 from "./0015_teams";
import * as m0016 from "./0016_snapshot_read_indexes";
import * as m0017 from "./0017_snapshot_ids_apart";

/** In-code migration provider: bundles cleanly into the Remix server build. */
export const migrations: Record<string, Migration> = {
  "0001_initial": m0001,
  "0002_workshops": m0002,
  "0003_action_plans": m0003,
  "0004_item_catalogue": m0004,
  "0005_round_snapshots": m0005,
  "0006_round_deep_dive_modules": m0006,
  "0007_result_snapshots": m0007,
  "0008_access_invitations": m0008,
  "0009_result_snapshot_compare_extract": m0009,
  "0010_rate_limits": m0010,
  "0011_national_view": m0011,
  "0012_response_versions": m0012,
  "0013_paper_entry_and_invited": m0013,
  "0014_drop_round_aggregates": m0014,
  "0015_teams": m0015,
  "0016_snapshot_read_indexes": m0016,
  "0017_snapshot_ids_apart": m0017,
};
