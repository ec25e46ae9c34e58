/** Compare mode: choose sets, compare them live, adjudicate into a consensus set, save the report. */
export { CompareLauncher, defaultPicks } from './CompareLauncher'
export { CompareView } from './CompareView'
