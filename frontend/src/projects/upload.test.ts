import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { uploadDocument, UploadCancelled, type XhrLike } from './upload';

/** An XMLHttpRequest stand-in that records the request and lets the test answer it. */
class FakeXhr implements XhrLike {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: XhrLike['upload'] = { onprogress: null };
  onload: XhrLike['onload'] = null;
  onerror: XhrLike['onerror'] = null;
  onabort: XhrLike['onabort'] = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.(progressEvent(0, 0));
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.(progressEvent(0, 0));
  }
}

function progressEvent(loaded: number, total: number): ProgressEvent {
  return { loaded, total, lengthComputable: total > 0 } as ProgressEvent;
}

const file = new Blob(['%PDF-1.4 procès-verbal'], { type: 'application/pdf' });

describe('uploadDocument', () => {
  it('sends the multipart form the API reads, in the UI language, and reports progress', async () => {
    const xhr = new FakeXhr();
    const progress: number[] = [];
    const upload = uploadDocument(
      { projectId: '7', file, fileName: 'Œuvre — procès-verbal.pdf', title: '  PV de l’AG ', locale: 'fr', onProgress: (p) => progress.push(p) },
      () => xhr,
    );
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/projects/7/documents');
    expect(xhr.headers['Accept-Language']).toBe('fr');
    const sent = xhr.body!.get('file') as File;
    expect(sent.name).toBe('Œuvre — procès-verbal.pdf');
    expect(await sent.text()).toBe('%PDF-1.4 procès-verbal');
    expect(xhr.body!.get('title')).toBe('PV de l’AG');

    xhr.upload.onprogress!(progressEvent(0, 0));
    xhr.upload.onprogress!(progressEvent(512, 1024));
    const doc = { id: '3', kind: 'file', title: 'PV de l’AG', fileName: 'Œuvre — procès-verbal.pdf' };
    xhr.answer(201, doc);
    await expect(upload.done).resolves.toEqual(doc);
    expect(progress).toEqual([50, 100]);
  });

  it('leaves the title out when there is none', () => {
    const xhr = new FakeXhr();
    uploadDocument({ projectId: '1', file, fileName: 'a.pdf', title: '  ', locale: 'en' }, () => xhr);
    expect(xhr.body!.has('title')).toBe(false);
  });

  it('rejects with the problem the server sent', async () => {
    const xhr = new FakeXhr();
    const upload = uploadDocument({ projectId: '1', file, fileName: 'film.mp4', locale: 'fr' }, () => xhr);
    xhr.answer(413, { status: 413, title: 'Request Entity Too Large', detail: 'Le fichier est trop volumineux (25 Mo au plus).' });
    const err = await upload.done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(413);
    expect((err as ApiError).message).toBe('Le fichier est trop volumineux (25 Mo au plus).');
  });

  it('rejects with status 0 when the server cannot be reached, and with UploadCancelled when cancelled', async () => {
    const offline = new FakeXhr();
    const lost = uploadDocument({ projectId: '1', file, fileName: 'a.pdf', locale: 'fr' }, () => offline);
    offline.onerror!(progressEvent(0, 0));
    const err = await lost.done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).isNetworkError).toBe(true);

    const xhr = new FakeXhr();
    const upload = uploadDocument({ projectId: '1', file, fileName: 'a.pdf', locale: 'fr' }, () => xhr);
    upload.cancel();
    await expect(upload.done).rejects.toBeInstanceOf(UploadCancelled);
  });

  it('treats an answer that is not JSON as a failure', async () => {
    const xhr = new FakeXhr();
    const upload = uploadDocument({ projectId: '1', file, fileName: 'a.pdf', locale: 'fr' }, () => xhr);
    xhr.answer(502, '<html>Bad gateway</html>');
    const err = await upload.done.catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(502);
    expect((err as ApiError).problem).toBeNull();
  });
});
