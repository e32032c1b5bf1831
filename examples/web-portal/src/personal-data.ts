import { api } from './api.js';

/**
 * Downloads a person's data archive (the person's own, or a guardian's child's) as a JSON file,
 * named as the platform names it. Returns the file name.
 */
export async function downloadPersonalData(learnerNumber: string): Promise<string> {
  const archive = await api().people.personalData.export({ learnerNumber });
  const name = `lifelong-data-${archive.learnerNumber}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(archive, null, 2)], { type: 'application/json' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has handed the bytes to the browser's download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
