import type { MessageFile } from "../../index";

const file: MessageFile = {
  reviewed: false,
  messages: {},
};
export default file;
