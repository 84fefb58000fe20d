import { defineWebExtConfig } from 'wxt';

/** `wxt dev` must not try to open a browser on a machine without a display. */
export default defineWebExtConfig({
  disabled: !process.env.DISPLAY,
});
