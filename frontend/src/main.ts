import '@fontsource-variable/inter';
import './styles/global.css';
import { createPinia } from 'pinia';
import { createApp, nextTick } from 'vue';
import App from './App.vue';
import { setApiLocaleSource } from './api/client';
import { installExternalLinkHandler } from './desktop/bridge';
import { runSelfTest } from './desktop/selftest';
import { currentLocale, i18n } from './i18n';
import { fetchHealth, type Health } from './recovery/recovery';
import RecoveryApp from './recovery/RecoveryApp.vue';
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

// A server whose database failed its integrity check at start-up serves only the recovery
// screen's API: show that screen instead of an app whose every call would fail. The check runs
// beside the router's first navigation, so a healthy start waits for nothing more.
void Promise.all([fetchHealth(), router.isReady()]).then(async ([health]) => {
  if (health.status === 'damaged') {
    startRecovery(health);
    return;
  }
  app.mount('#app');
  await nextTick();
  const organization = useOrganizationStore(pinia);
  await runSelfTest({ router, saveOrganization: (input) => organization.save(input) });
});

function startRecovery(health: Health) {
  const recovery = createApp(RecoveryApp, { health });
  recovery.use(pinia); // the language chosen above
  recovery.use(i18n);
  recovery.mount('#app');
}
