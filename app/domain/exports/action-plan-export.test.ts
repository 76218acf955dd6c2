import { describe, expect, it } from "vitest";
import { ACTION_STATUS_NAMES } from "../action-plan";
import { component } from "../framework";
import { ACTION_PLAN_EXPORT_COLUMNS, actionPlanExportRows } from "./action-plan-export";
import { toCsv } from "./csv";
import { readCsv } from "../../../tests/support/codebook-coverage";

describe("actionPlanExportRows", () => {
  const actions = [
    {
      component: "information",
      description: 'Agree one protocol, "signed" by all',
      owner: "=Board",
      due_on: "2027-09-30",
      status: "in_progress" as const,
      evidence_key: "f_info_agreements",
      citations: ["CELCIS 2023", "Ofsted 2022"],
    },
    {
      component: "vision",
      description: "Hold a joint away day",
      owner: "Chair",
      due_on: "2027-06-01",
      status: "not_started" as const,
      evidence_key: null,
      citations: [],
    },
  ];

  it("writes each action with its component and status as key and label, and reads back as written", () => {
    const { header, rows } = readCsv(toCsv(ACTION_PLAN_EXPORT_COLUMNS, actionPlanExportRows("Spring", actions)));
    expect(header).toEqual([...ACTION_PLAN_EXPORT_COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      component: "information",
      component_name: component("information").name,
      action: 'Agree one protocol, "signed" by all',
      owner: "'=Board",
      status: "in_progress",
      status_label: ACTION_STATUS_NAMES.in_progress,
      evidence: "CELCIS 2023; Ofsted 2022",
    });
    expect(rows[1]).toMatchObject({ status_label: "Not started", evidence_key: "", evidence: "" });
  });

  it("writes the labels in Welsh for a Welsh reader, and keeps the keys", () => {
    const { header, rows } = readCsv(toCsv(ACTION_PLAN_EXPORT_COLUMNS, actionPlanExportRows("Spring", actions, "cy")));
    expect(header).toEqual([...ACTION_PLAN_EXPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({
      component: "information",
      component_name: "Rhannu gwybodaeth a systemau data",
      status: "in_progress",
      status_label: "Ar y gweill",
    });
    expect(rows[1]).toMatchObject({ status: "not_started", status_label: "Heb ddechrau" });
  });
});
