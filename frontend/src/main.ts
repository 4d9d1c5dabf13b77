import '@fontsource-variable/inter';
import './styles/global.css';
import { createPinia } from 'pinia';
import { createApp, nextTick } from 'vue';
import App from './App.vue';
import { setApiLocaleSource } from './api/client';
import { installExternalLinkHandler } from './desktop/bridge';
import { runSelfTest } from './desktop/selftest';
import { currentLocale, i18n } from './i18n';
import { router } from './router';
import { useOrganizationStore } from './stores/organization';
import { usePreferencesStore } from './stores/preferences';

setApiLocaleSource(currentLocale);
installExternalLinkHandler();

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(router);

// The stored (or browser) language and theme apply at once; the server's preferences follow.
const prefs = usePreferencesStore(pinia);
void prefs.loadFromServer();

void router.isReady().then(async () => {
  app.mount('#app');
  await nextTick();
  const organization = useOrganizationStore(pinia);
  await runSelfTest({ router, saveOrganization: (input) => organization.save(input) });
});
