// pow-exchange: Cockpit configuration (replaces the webjar's default config.js)
export default {
  // ES-module plugins, relative to app/cockpit/ (committed as plain JavaScript: no build step)
  customScripts: ['scripts/pow-board-tab.js']
};
