/**
 * Renderer entry, kept tiny: it starts IndexedDB and the opening read
 * (storage/early-opening.ts) before anything else, so both overlap loading the
 * app's code instead of following it (docs/performance.md), then loads and
 * boots the app (app/boot.tsx). The styles are imported here, so the page
 * links them from its HTML.
 */
import { startEarlyOpening } from './storage/early-opening'
import './styles/base.css'
import './styles/app.css'
import './styles/reader.css'
import './suggestions/suggestions.css'
import './exchange/exchange.css'
import './report/report-export.css'
import './compare/compare.css'
import './app/storage-banner.css'
import './styles/prefs.css'
import './search/search.css'
import './styles/print.css'

const early = startEarlyOpening()
void import('./app/boot').then(({ boot }) => boot(early))
