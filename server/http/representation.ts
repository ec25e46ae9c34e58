/**
 * The JSON-LD the server answers with: containers (LDP Basic Container and
 * W3C AnnotationCollection at once), their pages, and annotations, each with
 * the IRIs built from the server's public URL.
 */
import { articleUrn } from '../../shared/article/model'
import { CW_CONTEXT, W3C_ANNO_CONTEXT } from '../../shared/w3c'
import type { StoredAnnotation } from '../store/annotations'
import type { Container } from '../store/containers'
import { LDP_CONTEXT } from './protocol'

/** The context of containers: W3C annotations, LDP, and the app's terms plus where the set's article is named. */
export const CONTAINER_CONTEXT = [W3C_ANNO_CONTEXT, LDP_CONTEXT, { ...CW_CONTEXT, articleSource: { '@id': 'cw:articleSource', '@type': '@id' } }] as const

/** IRIs of one server. */
export class Iris {
  constructor(readonly base: string) {}
  container(id: string): string {
    return `${this.base}/sets/${id}/`
  }
  annotation(containerId: string, id: string): string {
    return `${this.container(containerId)}${id}`
  }
  page(containerId: string, page: number, iris: boolean): string {
    return `${this.container(containerId)}?${iris ? 'iris=1&' : ''}page=${page}`
  }
  article(sha256: string): string {
    return `${this.base}/articles/${sha256}/`
  }
}

/** An annotation as served: its IRI first, then the stored document. */
export function annotationJson(iris: Iris, containerId: string, stored: StoredAnnotation): Record<string, unknown> {
  const { '@context': context, ...rest } = stored.document
  return { ...(context === undefined ? {} : { '@context': context }), id: iris.annotation(containerId, stored.id), ...rest }
}

/** Page `page` of a container, of `pageCount` pages (always at least one, possibly empty). */
export function pageJson(
  iris: Iris,
  container: Container,
  total: number,
  page: number,
  pageCount: number,
  pageSize: number,
  items: readonly StoredAnnotation[],
  asIris: boolean,
  embedded: boolean,
): Record<string, unknown> {
  return {
    ...(embedded ? {} : { '@context': W3C_ANNO_CONTEXT }),
    id: iris.page(container.id, page, asIris),
    type: 'AnnotationPage',
    ...(embedded ? {} : { partOf: { id: iris.container(container.id), total, modified: container.modified } }),
    startIndex: page * pageSize,
    ...(page + 1 < pageCount ? { next: iris.page(container.id, page + 1, asIris) } : {}),
    ...(page > 0 ? { prev: iris.page(container.id, page - 1, asIris) } : {}),
    items: items.map((a) => (asIris ? iris.annotation(container.id, a.id) : annotationJson(iris, container.id, a))),
  }
}

/** A container's description; `first` is the embedded first page, or its IRI when `firstPage` is null. */
export function containerJson(
  iris: Iris,
  container: Container,
  total: number,
  pageCount: number,
  asIris: boolean,
  firstPage: Record<string, unknown> | null,
): Record<string, unknown> {
  return {
    '@context': CONTAINER_CONTEXT,
    id: iris.container(container.id),
    type: ['BasicContainer', 'AnnotationCollection'],
    label: container.label,
    creator: { type: 'Person', name: container.ownerName },
    created: container.created,
    modified: container.modified,
    articleSource: articleUrn(container.articleSha256),
    total,
    first: firstPage ?? iris.page(container.id, 0, asIris),
    last: iris.page(container.id, pageCount - 1, asIris),
  }
}

/** The list of a team's sets on one article (the way a client finds colleagues' sets). */
export function articleSetsJson(iris: Iris, sha256: string, sets: readonly (Container & { total: number })[]): Record<string, unknown> {
  return {
    '@context': CONTAINER_CONTEXT,
    id: iris.article(sha256),
    articleSource: articleUrn(sha256),
    items: sets.map((c) => ({
      id: iris.container(c.id),
      type: ['BasicContainer', 'AnnotationCollection'],
      label: c.label,
      creator: { type: 'Person', name: c.ownerName },
      created: c.created,
      modified: c.modified,
      total: c.total,
    })),
  }
}
