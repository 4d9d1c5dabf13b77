import type { Router } from 'vue-router';
import { selfTestToken, isDesktop } from './bridge';

export interface SelfTestDeps {
  router: Router;
  saveOrganization: (input: {
    name: string;
    email: string;
    address: string;
    postcode: string;
    city: string;
    registrationNumber: string;
    phone: string;
    website: string;
  }) => Promise<unknown>;
}

/**
 * The automated desktop smoke test starts the app with a token: save it as the association's
 * name through the normal API and show the Settings page, where the screenshot can find it.
 * Does nothing in normal use. Call once the shell has rendered.
 */
export async function runSelfTest({ router, saveOrganization }: SelfTestDeps, win: Window = window): Promise<boolean> {
  if (!isDesktop(win)) return false;
  const token = await selfTestToken(win);
  if (!token) return false;
  try {
    await saveOrganization({
      name: token,
      email: 'selftest@example.org',
      address: '',
      postcode: '',
      city: '',
      registrationNumber: '',
      phone: '',
      website: '',
    });
  } catch (err) {
    console.error('self-test: saving the organization profile failed', err);
  }
  await router.push('/parametres');
  return true;
}
