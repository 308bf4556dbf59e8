// A test-runner command that emulates media features the built-in emulateMedia
// does not cover on Chrome (forced-colors), through the DevTools protocol.
// In a test: executeServerCommand('shg-emulate-media', [{ name: 'forced-colors', value: 'active' }]).
// It replaces every emulated feature, so pass all you need in one call.
const sessions = new WeakMap();

export function mediaFeaturesPlugin() {
  return {
    name: 'shg-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'shg-emulate-media') return undefined;
      const page = session.browser.getPage(session.id);
      // Emulation lasts only as long as its DevTools session, so keep one per page.
      let client = sessions.get(page);
      if (!client) sessions.set(page, (client = await page.createCDPSession()));
      await client.send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}
