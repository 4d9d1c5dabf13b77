// Uploading a document with progress. fetch() cannot report how much of a request body has been
// sent, XMLHttpRequest can: this is the one call of the app that does not go through
// openapi-fetch, so it reproduces what src/api/client.ts does (Accept-Language, ApiError).
import { ApiError } from '../api/client';
import { isProblemDetails } from '../api/problem';
import type { ProjectDocument } from '../api/types';
import { uploadPercent } from './documents';

/** The part of XMLHttpRequest an upload uses, so that tests can stand in for it. */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((e: ProgressEvent) => unknown) | null };
  onload: ((e: ProgressEvent) => unknown) | null;
  onerror: ((e: ProgressEvent) => unknown) | null;
  onabort: ((e: ProgressEvent) => unknown) | null;
}

export interface UploadRequest {
  projectId: string;
  file: Blob;
  fileName: string;
  title?: string;
  /** The UI language, for the server's messages. */
  locale: string;
  onProgress?: (percent: number) => void;
}

export interface Upload {
  /** The document as added, or an ApiError (status 0 when the server could not be reached). */
  readonly done: Promise<ProjectDocument>;
  /** Stops sending; `done` then rejects with an UploadCancelled. */
  cancel(): void;
}

export class UploadCancelled extends Error {
  constructor() {
    super('upload cancelled');
    this.name = 'UploadCancelled';
  }
}

export function uploadPath(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/documents`;
}

/** Sends a file (and its title) as the multipart form POST /api/projects/{id}/documents reads. */
export function uploadDocument(req: UploadRequest, createXhr: () => XhrLike = () => new XMLHttpRequest()): Upload {
  const xhr = createXhr();
  const done = new Promise<ProjectDocument>((resolve, reject) => {
    const form = new FormData();
    form.append('file', req.file, req.fileName);
    if (req.title?.trim()) form.append('title', req.title.trim());
    xhr.open('POST', uploadPath(req.projectId));
    xhr.setRequestHeader('Accept-Language', req.locale);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) req.onProgress?.(uploadPercent(e.loaded, e.total));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        req.onProgress?.(100);
        resolve(body as ProjectDocument);
      } else {
        reject(new ApiError(xhr.status, isProblemDetails(body) ? body : null));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, null, 'network error'));
    xhr.onabort = () => reject(new UploadCancelled());
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}
