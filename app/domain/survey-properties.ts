/**
 * Registers our custom question properties with SurveyJS, so that `new Model(json)` keeps the
 * tags (component, level, polarity, evidence, indirect, shortForm, stage). Must run before a
 * model is built, on the server and in the browser. Idempotent.
 */
import { Serializer } from "survey-core";

let registered = false;

export function registerSurveyProperties(): void {
  if (registered) return;
  const add = (name: string, type?: string) => {
    if (!Serializer.findProperty("question", name)) {
      Serializer.addProperty("question", type ? { name, type } : { name });
    }
  };
  add("component");
  add("level");
  add("polarity");
  add("evidence", "string[]");
  add("shortForm", "boolean");
  add("stage", "number");
  add("indirect", "string[]");
  registered = true;
}
