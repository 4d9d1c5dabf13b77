import { useDialog } from 'naive-ui';
import { onBeforeUnmount, onMounted, type Ref } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';

export interface LeaveTexts {
  title: string;
  text: string;
  leave: string;
  stay: string;
}

/**
 * Asks before leaving a form with unsaved changes: a dialog when the app navigates away, the
 * browser's own question when the tab is closed or reloaded. `allowLeave` is read at that moment
 * (set it once the form is saved, so that going to the saved record asks nothing).
 */
export function useUnsavedGuard(dirty: Ref<boolean>, texts: () => LeaveTexts, allowLeave: () => boolean = () => false): void {
  const dialog = useDialog();

  function confirmLeave(): Promise<boolean> {
    const words = texts();
    return new Promise((resolve) => {
      let answered = false;
      const answer = (value: boolean) => {
        if (!answered) resolve(value);
        answered = true;
      };
      dialog.warning({
        title: words.title,
        content: words.text,
        positiveText: words.leave,
        negativeText: words.stay,
        onPositiveClick: () => answer(true),
        onNegativeClick: () => answer(false),
        onClose: () => answer(false),
        onMaskClick: () => answer(false),
        onEsc: () => answer(false),
        onAfterLeave: () => answer(false),
      });
    });
  }

  onBeforeRouteLeave(async () => {
    if (allowLeave() || !dirty.value) return true;
    return confirmLeave();
  });

  function onBeforeUnload(event: BeforeUnloadEvent) {
    if (!allowLeave() && dirty.value) {
      event.preventDefault();
      event.returnValue = '';
    }
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload));
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
