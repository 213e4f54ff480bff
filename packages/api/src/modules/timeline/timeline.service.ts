import type { EntityManager } from '@mikro-orm/postgresql';
import { money } from '../../graphql/money.js';
import { toGlobalId, type Page } from '../../graphql/relay.js';
import { badUserInput } from '../../graphql/errors.js';
import { LimitDecision } from '../decisions/limit-decision.entity.js';
import { explainDecision, type EngineLocale } from '../decisions/scoring-adapter.js';
import { noticeWords } from '../notices/notice-texts.js';
import { TimelineEntryNode } from './timeline.types.js';
import {
  CHANNEL,
  DECISION_KIND,
  PURCHASE_STATUS,
  RECOVERY_STATUS,
  RECOVERY_TYPE,
  label,
  transitionReasonText,
} from './texts.js';

interface Row {
  kind: string;
  id: string;
  at: Date;
  at_us: string;
  amount_fen: string | null;
  text: string | null;
  extra: Record<string, unknown> | null;
  actor_name: string | null;
}

const KINDS = ['DECISION', 'PURCHASE', 'REPAYMENT', 'NOTICE', 'RECOVERY', 'NOTE'];

// One history from six tables. Every branch is filtered by customer (each has a customer index);
// the order is (time, kind, id) descending, and the cursor carries the same three values, with
// the time in microseconds so that no two rows tie by rounding.
const TIMELINE_UNION = `
    select 'DECISION' as kind, d.id, d.created_at as at, d.base_limit_after_fen as amount_fen,
           null::text as text, null::jsonb as extra, d.agent_id
      from limit_decisions d where d.customer_id = ?
    union all
    select 'PURCHASE', p.id, p.created_at, p.amount_fen, p.merchant,
           jsonb_build_object('status', p.status), null
      from purchases p where p.customer_id = ?
    union all
    select 'REPAYMENT', r.id, r.received_at, r.amount_fen, null, null, null
      from repayments r where r.customer_id = ?
    union all
    select 'NOTICE', n.id, n.created_at, null, n.kind,
           jsonb_build_object('channel', n.channel, 'payload', n.payload), n.sent_by_agent_id
      from notices n where n.customer_id = ?
    union all
    select 'RECOVERY', t.id, t.created_at, coalesce(q.requested_limit_fen, q.target_limit_fen), t.reason,
           jsonb_build_object('type', q.type, 'to', t.to_status, 'actorType', t.actor_type, 'requestId', q.id::text),
           t.agent_id
      from recovery_transitions t
      join recovery_requests q on q.id = t.request_id and q.customer_id = t.customer_id
     where t.customer_id = ? and not (t.to_status = 'UNDER_REVIEW' and t.actor_type = 'SYSTEM')
    union all
    select 'NOTE', n.id, n.created_at, null, n.body,
           jsonb_build_object('tags', n.tags, 'ticketRef', n.ticket_ref), n.agent_id
      from customer_notes n where n.customer_id = ?
`;

/** The page's rows from `source` (the history, filtered to the wanted kinds): after the cursor. */
const pageOf = (source: string) => `
select e.kind, e.id, e.at, (extract(epoch from e.at) * 1000000)::bigint::text as at_us,
       e.amount_fen::text as amount_fen, e.text, e.extra, g.display_name as actor_name
  from ${source} e
  left join agents g on g.id = e.agent_id
 where (?::bigint is null or ((extract(epoch from e.at) * 1000000)::bigint, e.kind, e.id) < (?::bigint, ?::text, ?::bigint))
 order by e.at desc, e.kind desc, e.id desc
 limit ?`;

const WANTED = `(select * from (${TIMELINE_UNION}) u where u.kind = any(?::text[]))`;

const TIMELINE_SQL = pageOf(WANTED);

/**
 * The page and the history's size (for totalCount: all entries of the wanted kinds, ignoring the
 * page) in one statement over one scan of the six tables; a row even when the page is empty.
 */
const TIMELINE_COUNTED_SQL = `
with wanted as materialized ${WANTED}
select p.*, t.n as total_count
  from (select count(*)::int as n from wanted) t
  left join lateral (${pageOf('wanted')}) p on true`;

/** A customer's whole history in one list: decisions, purchases, repayments, notices, recovery steps, notes. */
export class TimelineService {
  /** A page of the history; with `withCount`, also its size (in the same statement). */
  async page(
    em: EntityManager,
    customerId: string,
    page: Page,
    locale: EngineLocale,
    kinds: readonly string[] | null | undefined,
    withCount = false,
  ): Promise<{
    entries: TimelineEntryNode[];
    keys: (string | number)[][];
    hasMore: boolean;
    totalCount?: number;
  }> {
    const cursor = page.cursor;
    if (
      cursor &&
      (cursor.length !== 3 ||
        !/^\d{1,19}$/.test(String(cursor[0])) ||
        !KINDS.includes(String(cursor[1])) ||
        !/^\d{1,19}$/.test(String(cursor[2])))
    )
      throw badUserInput('after is not a valid cursor.', 'after');
    const wanted = kinds?.length ? kinds : KINDS;
    const result = await em.execute<(Row & { total_count?: number })[]>(
      withCount ? TIMELINE_COUNTED_SQL : TIMELINE_SQL,
      [
        ...Array(6).fill(customerId),
        `{${wanted.join(',')}}`,
        cursor ? String(cursor[0]) : null,
        cursor ? String(cursor[0]) : null,
        cursor ? String(cursor[1]) : null,
        cursor ? String(cursor[2]) : null,
        page.size + 1,
      ],
    );
    // The counted statement answers one row with a null entry when the page is empty.
    const rows = result.filter((r) => r.kind != null);
    const hasMore = rows.length > page.size;
    const slice = rows.slice(0, page.size);
    const decisionIds = slice.filter((r) => r.kind === 'DECISION').map((r) => String(r.id));
    const decisions = decisionIds.length
      ? new Map((await em.find(LimitDecision, { id: { $in: decisionIds } })).map((d) => [d.id, d]))
      : new Map<string, LimitDecision>();
    return {
      entries: slice.map((r) => toEntry(r, locale, decisions)),
      keys: slice.map((r) => [r.at_us, r.kind, String(r.id)]),
      hasMore,
      ...(withCount ? { totalCount: result[0]?.total_count ?? 0 } : {}),
    };
  }
}

function toEntry(
  r: Row,
  locale: EngineLocale,
  decisions: Map<string, LimitDecision>,
): TimelineEntryNode {
  const zh = locale === 'zh-CN';
  const x = r.extra ?? {};
  const e = Object.assign(new TimelineEntryNode(), {
    id: `${r.kind}:${r.id}`,
    kind: r.kind,
    at: new Date(r.at),
    amount: r.amount_fen != null ? money(Number(r.amount_fen)) : null,
    actorName: r.actor_name ?? null,
    tags: [] as string[],
    ticketRef: null as string | null,
    merchant: null as string | null,
    decisionId: null as string | null,
    recoveryRequestId: null as string | null,
    text: null as string | null,
    title: '',
  });
  switch (r.kind) {
    case 'DECISION': {
      const d = decisions.get(String(r.id));
      e.title = `${zh ? '额度决策' : 'Limit decision'}${zh ? '：' : ': '}${label(DECISION_KIND, d?.kind, locale)}`;
      e.text = d
        ? explainDecision(
            {
              kind: d.kind,
              baseLimitBeforeFen: Number(d.baseLimitBeforeFen),
              baseLimitAfterFen: Number(d.baseLimitAfterFen),
              statusBefore: d.statusBefore,
              statusAfter: d.statusAfter,
              score: d.score ?? null,
              grade: d.grade ?? null,
              reasons: d.reasons ?? [],
            },
            locale,
          ).headline
        : null;
      e.decisionId = toGlobalId('LimitDecision', String(r.id));
      break;
    }
    case 'PURCHASE':
      e.title = zh ? '购物' : 'Purchase';
      e.merchant = r.text ?? null;
      e.text = label(PURCHASE_STATUS, String(x.status ?? ''), locale);
      break;
    case 'REPAYMENT':
      e.title = zh ? '还款' : 'Repayment';
      break;
    case 'NOTICE': {
      // The words the customer got (main's notice texts: title, what happened, what it means,
      // what to do), in the asked locale.
      const channel = label(CHANNEL, String(x.channel ?? ''), locale);
      const words = noticeWords(
        String(r.text),
        (x.payload as Record<string, unknown> | null) ?? {},
        locale,
      );
      e.title = zh ? `通知（${channel}）：${words.title}` : `Notice (${channel}): ${words.title}`;
      e.text = [words.happened, words.meaning, words.action].filter(Boolean).join(zh ? '' : ' ');
      break;
    }
    case 'RECOVERY': {
      const type = label(RECOVERY_TYPE, String(x.type ?? ''), locale);
      const status = label(RECOVERY_STATUS, String(x.to ?? ''), locale);
      e.title = zh ? `额度恢复申请（${type}）：${status}` : `Recovery request (${type}): ${status}`;
      e.text = transitionReasonText(r.text ?? '', String(x.actorType ?? ''), locale);
      e.recoveryRequestId = toGlobalId('RecoveryRequest', String(x.requestId));
      break;
    }
    case 'NOTE':
      e.title = zh ? '客服备注' : 'Agent note';
      e.text = r.text;
      e.tags = Array.isArray(x.tags) ? (x.tags as string[]) : [];
      e.ticketRef = typeof x.ticketRef === 'string' ? x.ticketRef : null;
      break;
  }
  return e;
}
