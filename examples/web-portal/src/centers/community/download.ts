/**
 * Saves a file answer (the SDK's unread `Response`) as a download: the name from its
 * `Content-Disposition`, else `fallback`. Answers the file's name.
 */
export async function saveResponse(response: Response, fallback: string): Promise<string> {
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
