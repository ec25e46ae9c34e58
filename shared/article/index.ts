/** Articles: the model, the ProseMirror schema, position mapping and the importers. */
export * from './model'
export { articleSchema, blocksFromDoc, docFromBlocks } from './schema'
export { GROUP_MAX_BLOCKS, GROUP_MAX_CHARS, groupRanges, groupStarts } from './block-groups'
export { buildPositionIndex, blockIndexAt, blockIndexAtPos, groupExtent, groupOfBlock, offsetToPos, posToOffset, snapToCodePoint, type Assoc, type PositionIndex } from './position-map'
export { cleanMarks, tidyBlock, tidyBlocks } from './block-tidy'
export { importPlainText, looksLikeHeading, baseName, HEADING_MAX_LENGTH, NOT_HEADING_ENDINGS, type TextImport } from './import-text'
export { importMarkdown, splitFrontMatter, type FrontMatter, type MarkdownImport } from './import-markdown'
export { detectLanguage, countScripts, type ScriptCounts } from './language'
export {
  parseArticleFile,
  finishArticle,
  formatOf,
  MAX_ARTICLE_BYTES,
  type ArticleFile,
  type ArticleMeta,
  type HtmlArticleParser,
} from './import'
