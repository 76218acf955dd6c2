import type { MessageFile } from "../../index";

/** b */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "placeholder.x": "x",
  },
};
export default file;
