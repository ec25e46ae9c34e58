/**
 * Turning an adjudicated comparison into a stored consensus set. The source
 * sets are only read; the consensus is a new set (origin 'consensus') with
 * copies of the kept claims, written atomically, and the decision records —
 * what was kept from which claims, and why — are kept beside it, keyed by the
 * new set's id, because a reason has no claim to live on when nothing was kept.
 */
import { newId } from '../../../shared/claims/ids'
import { buildConsensus, type Comparison, type Consensus, type ConsensusDecisionRecord } from '../../../shared/compare'
import type { WorkbenchDb } from '../storage/database'
import { addSetWithClaims } from '../storage/claims-repo'
import { prefTables, updatePref } from '../storage/prefs-repo'
import { writeFailure } from '../storage/write-errors'
import { applicableDecisions, type Drafts } from './adjudication'

/** What is remembered beside a consensus set. */
export interface ConsensusRecord {
  /** The compared sets, A first. */
  sourceSetIds: string[]
  minOverlap: number
  decisions: ConsensusDecisionRecord[]
}

/** Who makes the consensus and what it is called. */
export interface ConsensusNaming {
  label: string
  analyst: string
  /** ISO time of creation. */
  now: string
}

/**
 * The consensus `drafts` would give on `comparison`, without storing it:
 * what the report lists before (or without) creating the set. Null when no
 * disagreement is decided yet. Never throws: drafts that no longer apply are
 * set aside by `applicableDecisions`.
 */
export function previewConsensus(comparison: Comparison, drafts: Drafts, naming: ConsensusNaming): Consensus | null {
  const decisions = applicableDecisions(comparison, drafts)
  if (decisions.length === 0) return null
  return buildConsensus(comparison, decisions, { setId: 'preview', label: naming.label, analyst: naming.analyst, created: naming.now })
}

/**
 * Build the consensus of `comparison` under `drafts`, store the set with its
 * claims and its decision records in one transaction (all or nothing), and
 * return it. Claims get fresh UUIDs like any claim made here. Rejects with a
 * StorageError when anything cannot be written; nothing is stored then.
 */
export async function createConsensusSet(db: WorkbenchDb, comparison: Comparison, drafts: Drafts, naming: ConsensusNaming): Promise<Consensus> {
  const consensus = buildConsensus(comparison, applicableDecisions(comparison, drafts), {
    setId: newId(),
    label: naming.label,
    analyst: naming.analyst,
    created: naming.now,
    claimId: () => newId(),
  })
  const record: ConsensusRecord = {
    sourceSetIds: comparison.sets.map((s) => s.set.id),
    minOverlap: comparison.minOverlap,
    decisions: consensus.decisions,
  }
  try {
    // The inner transactions join this one: the set, its claims and its records commit together.
    await db.transaction('rw', [db.sets, db.claimPages, db.claimEdits, ...prefTables(db)], async () => {
      await addSetWithClaims(db, consensus.set, consensus.claims)
      await updatePref(db, 'consensusRecords', (records) => ({ ...records, [consensus.set.id]: record }))
    })
  } catch (error) {
    throw writeFailure(error)
  }
  return consensus
}
