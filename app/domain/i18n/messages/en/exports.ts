import type { MessageFile } from "../../index";

const file: MessageFile = {
  reviewed: true,
  messages: {},
};
export default file;
