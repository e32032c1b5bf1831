import { onMounted, type Ref, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, type ShownError } from './problem.js';

export interface Loaded<T> {
  data: Ref<T | undefined>;
  loading: Ref<boolean>;
  error: Ref<string | undefined>;
  reload: () => Promise<void>;
}

/**
 * Describes what a call threw in the chosen language: in English the platform's own `detail`
 * (precise, naming the field); in another language the translation of the problem's `code` when
 * the portal has one (`problems.<CODE>`), else the detail.
 */
export function useDescribe(): (caught: unknown, fallbackKey?: string) => ShownError {
  const { t, te, locale } = useI18n();
  const byCode = (code: string) =>
    locale.value !== 'en' && te(`problems.${code}`) ? t(`problems.${code}`) : undefined;
  return (caught, fallbackKey = 'state.error') => describeError(caught, t('state.offline'), t(fallbackKey), byCode);
}

/** Loads a page's data on mount, keeping loading and error (the problem's detail) for AsyncState. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const describe = useDescribe();
  const data = ref<T>() as Ref<T | undefined>;
  const loading = ref(true);
  const error = ref<string>();
  async function reload() {
    loading.value = true;
    error.value = undefined;
    try {
      data.value = await load();
    } catch (caught) {
      error.value = describe(caught).message;
    } finally {
      loading.value = false;
    }
  }
  onMounted(reload);
  return { data, loading, error, reload };
}
