import type { MessageFile } from "../../index";

/** a */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "placeholder.x": "x",
  },
};
export default file;
