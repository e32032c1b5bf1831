import { onMounted, type Ref, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError } from './problem.js';

export interface Loaded<T> {
  data: Ref<T | undefined>;
  loading: Ref<boolean>;
  error: Ref<string | undefined>;
  reload: () => Promise<void>;
}

/** Loads a page's data on mount, keeping loading and error (the problem's detail) for AsyncState. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const { t } = useI18n();
  const data = ref<T>() as Ref<T | undefined>;
  const loading = ref(true);
  const error = ref<string>();
  async function reload() {
    loading.value = true;
    error.value = undefined;
    try {
      data.value = await load();
    } catch (caught) {
      error.value = describeError(caught, t('state.offline'), t('state.error')).message;
    } finally {
      loading.value = false;
    }
  }
  onMounted(reload);
  return { data, loading, error, reload };
}
