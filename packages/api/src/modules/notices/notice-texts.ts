import { reasonText, type EngineLocale } from '../decisions/scoring-adapter.js';
import type { NoticeKind } from './notice.entity.js';

/**
 * The words of a notice, in the customer's language: a title, what happened, what it means, and
 * what the customer can do. Rendered from the notice's kind and payload when it is read or
 * delivered (SMS, email, in-app), so every notice has text in zh-CN and en and none is a bare
 * code; a staff member's own message, when there is one, is what happened.
 */
export interface NoticeParts {
  title: string;
  happened: string;
  meaning: string;
  action: string;
}

const yuan = (fen: unknown): string => {
  const n = Math.round(Number(fen));
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const s = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100 ? `.${String(abs % 100).padStart(2, '0')}` : '';
  return `${n < 0 ? '-' : ''}¥${s}${cents}`;
};
const day = (d: unknown): string => {
  if (d == null) return '—';
  const t = new Date(String(d));
  return Number.isNaN(t.getTime()) ? String(d) : t.toISOString().slice(0, 10);
};
const num = (v: unknown, dflt = 0) => (Number.isFinite(Number(v)) ? Number(v) : dflt);
type P = Record<string, unknown>;
type T = (p: P, zh: boolean) => NoticeParts;

const RECOVERY_STATUS_ZH: Record<string, string> = {
  SUBMITTED: '已提交',
  UNDER_REVIEW: '审核中',
  NEEDS_DOCUMENTS: '需要补充材料',
  APPROVED: '已批准',
  REJECTED: '未通过',
  COMPLETED: '已完成',
};
const RECOVERY_STATUS_EN: Record<string, string> = {
  SUBMITTED: 'submitted',
  UNDER_REVIEW: 'under review',
  NEEDS_DOCUMENTS: 'waiting for documents',
  APPROVED: 'approved',
  REJECTED: 'not approved',
  COMPLETED: 'completed',
};

const reasonsOf = (p: P, zh: boolean): string => {
  const codes = Array.isArray(p.reasons) ? (p.reasons as unknown[]).map(String) : [];
  const loc: EngineLocale = zh ? 'zh-CN' : 'en';
  return codes.map((c) => reasonText(c, loc)).join(zh ? '；' : '; ');
};

const TEXTS: Record<NoticeKind, T> = {
  HIGH_UTILISATION: (p, zh) => {
    const pct =
      p.usedPercent != null
        ? num(p.usedPercent)
        : num(p.limitFen) > 0
          ? Math.round((num(p.usedFen) / num(p.limitFen)) * 100)
          : 0;
    return zh
      ? {
          title: '额度使用已超过 80%',
          happened: `您已使用总额度的 ${pct}%。`,
          meaning: '可用额度所剩不多，较高的使用率也会影响下次额度评估。',
          action: '按时还款可恢复可用额度；大额消费可考虑分期。',
        }
      : {
          title: 'You have used over 80 % of your limit',
          happened: `You are using ${pct} % of your credit limit.`,
          meaning: 'Little of the limit is left, and high use weighs on the next limit review.',
          action: 'Repaying gives the limit back; a large purchase can be split into installments.',
        };
  },
  DUE_SOON: (p, zh) =>
    zh
      ? {
          title: '还款日临近',
          happened: `您有一笔分期将于 ${day(p.dueDate)} 到期。`,
          meaning: '到期未还将产生逾期费并影响信用。',
          action: '请在到期日前还款，或开通自动还款。',
        }
      : {
          title: 'A repayment is due soon',
          happened: `An installment is due on ${day(p.dueDate)}.`,
          meaning: 'Paying late adds a late fee and hurts your credit record.',
          action: 'Repay by the due date, or turn on automatic repayment.',
        },
  OVERDUE: (p, zh) => {
    const dpd = num(p.daysPastDue);
    const amount = p.overdueFen != null ? yuan(p.overdueFen) : null;
    return zh
      ? {
          title: '您有逾期未还款项',
          happened: `您有${amount ? ` ${amount} ` : '一笔'}款项已逾期 ${dpd} 天。`,
          meaning: '逾期每天产生逾期费；逾期较长时额度可能被调低或冻结，并影响征信。',
          action: '请尽快还清逾期款项；如有困难请联系客服协商。',
        }
      : {
          title: 'A repayment is overdue',
          happened: `${amount ? `${amount} is` : 'An amount is'} ${dpd} day(s) past due.`,
          meaning:
            'A late fee accrues every day; a long overdue can lower or freeze your limit and shows on your credit report.',
          action: 'Repay the overdue amount as soon as you can; if that is hard, talk to support.',
        };
  },
  LIMIT_CHANGED: (p, zh) => {
    const before = p.before ?? p.beforeFen;
    const after = p.after ?? p.afterFen;
    if (p.status === 'FROZEN' && before == null) return TEXTS.ACCOUNT_FROZEN(p, zh);
    const up = num(after) > num(before);
    return zh
      ? {
          title: '您的额度有变化',
          happened:
            before != null && after != null
              ? `您的总额度由 ${yuan(before)} 调整为 ${yuan(after)}。`
              : '您的额度已调整。',
          meaning: up ? '您可以使用更多额度。' : '额度根据您的最新信用评估调整；已有分期不受影响。',
          action: up
            ? '请合理消费，按时还款。'
            : '按时足额还款、保持较低的额度使用率，有助于下次评估提额。可在 App 中查看调整原因。',
        }
      : {
          title: 'Your limit changed',
          happened:
            before != null && after != null
              ? `Your credit limit went from ${yuan(before)} to ${yuan(after)}.`
              : 'Your credit limit was changed.',
          meaning: up
            ? 'You can use more of your credit line.'
            : 'The limit follows your latest credit review; existing installment plans are not affected.',
          action: up
            ? 'Spend within your means and repay on time.'
            : 'Repaying on time and keeping use low help the next review raise it. The app shows why it changed.',
        };
  },
  PROMOTION_STARTED: (p, zh) =>
    zh
      ? {
          title: '活动临时额度已生效',
          happened: `您获得 ${yuan(p.amountFen)} 临时额度，有效期至 ${day(p.endsAt)}。`,
          meaning: '活动期间可用额度增加，到期后临时额度自动失效。',
          action: '请按需使用，到期前用掉的部分按正常账单还款。',
        }
      : {
          title: 'Your promotional limit is active',
          happened: `You have ${yuan(p.amountFen)} of temporary limit until ${day(p.endsAt)}.`,
          meaning: 'You can spend more during the promotion; the extra limit ends by itself.',
          action: 'Use it as you need; what you spend is repaid like any other bill.',
        },
  PROMOTION_ENDING: (p, zh) =>
    zh
      ? {
          title: '临时额度即将到期',
          happened: `您的 ${yuan(p.amountFen)} 临时额度将于 ${day(p.endsAt)} 到期。`,
          meaning: '到期后可用额度减少，已消费的金额照常还款。',
          action: '如有计划中的消费，请在到期前完成。',
        }
      : {
          title: 'Your temporary limit ends soon',
          happened: `Your ${yuan(p.amountFen)} temporary limit ends on ${day(p.endsAt)}.`,
          meaning:
            'Your available limit will be lower after that; what you spent is repaid as usual.',
          action: 'Make any planned purchase before it ends.',
        },
  PROMOTION_CANCELLED: (p, zh) =>
    zh
      ? {
          title: '活动已取消',
          happened: `活动${p.name ? `「${String(p.name)}」` : ''}已取消，相应临时额度已收回。`,
          meaning: '您的总额度不变，已有消费和分期不受影响。',
          action: '无需操作；如有疑问请联系客服。',
        }
      : {
          title: 'A promotion was cancelled',
          happened: `The promotion${p.name ? ` "${String(p.name)}"` : ''} was cancelled and its temporary limit withdrawn.`,
          meaning: 'Your base limit is unchanged; purchases and plans you have are not affected.',
          action: 'Nothing to do; contact support with any question.',
        },
  RECOVERY_STATUS: (p, zh) => {
    const s = String(p.status ?? '');
    return zh
      ? {
          title: '额度恢复申请进度',
          happened: `您的额度恢复申请${RECOVERY_STATUS_ZH[s] ?? '有更新'}。`,
          meaning:
            s === 'APPROVED' || s === 'COMPLETED'
              ? '额度将按审批结果恢复（可能分阶段）。'
              : s === 'REJECTED'
                ? '本次申请未通过。'
                : '我们正在处理您的申请。',
          action:
            s === 'NEEDS_DOCUMENTS'
              ? '请通过客服补充所需材料。'
              : s === 'REJECTED'
                ? '保持按时还款，之后可再次申请。'
                : '无需操作，结果会再通知您。',
        }
      : {
          title: 'Your limit recovery request',
          happened: `Your limit recovery request is ${RECOVERY_STATUS_EN[s] ?? 'updated'}.`,
          meaning:
            s === 'APPROVED' || s === 'COMPLETED'
              ? 'Your limit is restored as approved (possibly in stages).'
              : s === 'REJECTED'
                ? 'The request was not approved this time.'
                : 'We are working on your request.',
          action:
            s === 'NEEDS_DOCUMENTS'
              ? 'Send the requested documents through support.'
              : s === 'REJECTED'
                ? 'Keep repaying on time and ask again later.'
                : 'Nothing to do; we will tell you the result.',
        };
  },
  BUDGETING_TIP: (_p, zh) =>
    zh
      ? {
          title: '理财小贴士',
          happened: '合理规划消费，量入为出。',
          meaning: '把每月还款控制在收入的三分之一以内，更从容。',
          action: '可在 App 中查看账单并设置还款提醒。',
        }
      : {
          title: 'A budgeting tip',
          happened: 'Plan your spending within your means.',
          meaning:
            'Keeping monthly repayments under a third of your income leaves room to breathe.',
          action: 'See your bills in the app and set repayment reminders.',
        },
  ACCOUNT_OPENED: (p, zh) =>
    zh
      ? {
          title: '白条已开通',
          happened: `您的白条已开通，初始额度 ${yuan(p.limitFen)}。`,
          meaning: '新用户的初始额度较低；按时还款后，额度会在定期评估中逐步提升。',
          action: '结账时选择白条，可30天免息或分期；请按时还款。',
        }
      : {
          title: 'Your credit line is open',
          happened: `Your credit line is open with a starting limit of ${yuan(p.limitFen)}.`,
          meaning:
            'New customers start low; repaying on time raises the limit at the regular reviews.',
          action:
            'Choose the credit line at checkout to pay in 30 days free or in installments, and repay on time.',
        },
  APPLICATION_DECLINED: (p, zh) => {
    const why = reasonsOf(p, zh);
    return zh
      ? {
          title: '白条申请未通过',
          happened: '很抱歉，您的白条申请本次未通过。',
          meaning: why ? `原因：${why}。` : '本次综合评估未达到开通标准。',
          action: '完成实名认证、按时还清其他欠款后，可再次申请。',
        }
      : {
          title: 'Your application was not approved',
          happened: 'We are sorry: your application for a credit line was not approved this time.',
          meaning: why ? `Why: ${why}.` : 'Our overall assessment was below what we need.',
          action:
            'Complete real-name verification and repay other debts on time, then apply again.',
        };
  },
  ACCOUNT_CLOSED: (_p, zh) =>
    zh
      ? {
          title: '白条账户已关闭',
          happened: '您的白条账户已关闭。',
          meaning: '账户不再能用于消费；您的历史账单和还款记录仍可查询。',
          action: '如需再次使用，可重新申请开通。',
        }
      : {
          title: 'Your credit line is closed',
          happened: 'Your credit line has been closed.',
          meaning: 'It can no longer be used to pay; your bills and repayments stay available.',
          action: 'To use a credit line again, apply anew.',
        },
  ACCOUNT_FROZEN: (p, zh) => {
    const code = String(p.reasonCode ?? (p.daysPastDue != null ? 'POLICY_FREEZE' : ''));
    const why = code ? reasonText(code, zh ? 'zh-CN' : 'en') : '';
    const overdue = p.cause === 'OVERDUE' || code === 'POLICY_FREEZE';
    const risk = p.cause === 'RISK_ALERT' || code.startsWith('RISK_ALERT_');
    return zh
      ? {
          title: '白条已冻结',
          happened: `您的白条已被冻结${why ? `：${why}` : ''}。`,
          meaning: '冻结期间不能用白条消费；已有分期照常还款。',
          action: overdue
            ? '还清全部逾期款项后，账户将按规定解冻或进入额度恢复流程。'
            : risk
              ? '请联系客服完成身份与交易核查，核查通过后即可解冻。'
              : '请联系客服了解详情。',
        }
      : {
          title: 'Your credit line is frozen',
          happened: `Your credit line was frozen${why ? `: ${why}` : ''}.`,
          meaning:
            'You cannot pay with it while it is frozen; installment plans are repaid as usual.',
          action: overdue
            ? 'Once every overdue amount is repaid, the account is unfrozen or a recovery review opens, as the policy says.'
            : risk
              ? 'Contact support to complete the identity and transaction check; the account is unfrozen when it passes.'
              : 'Contact support for details.',
        };
  },
  ACCOUNT_UNFROZEN: (p, zh) =>
    zh
      ? {
          title: '白条已解冻',
          happened: `您的白条已解冻${p.limitFen != null ? `，总额度 ${yuan(p.limitFen)}` : ''}。`,
          meaning: '您可以重新使用白条消费。',
          action: '请按时还款，保持良好记录。',
        }
      : {
          title: 'Your credit line is unfrozen',
          happened: `Your credit line was unfrozen${p.limitFen != null ? ` with a limit of ${yuan(p.limitFen)}` : ''}.`,
          meaning: 'You can pay with it again.',
          action: 'Repay on time to keep a good record.',
        },
  STATEMENT_READY: (p, zh) =>
    zh
      ? {
          title: `第 ${num(p.statementSeq, 1)} 期账单已出`,
          happened: `本期账单金额 ${yuan(p.balanceFen)}，最低还款额 ${yuan(p.minimumPaymentFen)}，到期还款日 ${day(p.dueDate)}。`,
          meaning: '到期日前全额还款不计利息；只还最低还款额不收逾期费，但未还部分按日计息。',
          action: '请在到期日前还款；可在 App 中查看账单明细，积分可抵扣账单。',
        }
      : {
          title: `Statement ${num(p.statementSeq, 1)} is ready`,
          happened: `Your statement balance is ${yuan(p.balanceFen)}, the minimum payment ${yuan(p.minimumPaymentFen)}, due on ${day(p.dueDate)}.`,
          meaning:
            'Paid in full by the due date, it costs no interest; paying at least the minimum avoids the late fee, but interest runs daily on what is left.',
          action:
            'Pay by the due date; the app shows the statement, and points can pay part of it.',
        },
  STATEMENT_DUE_SOON: (p, zh) =>
    zh
      ? {
          title: '账单还款日临近',
          happened: `第 ${num(p.statementSeq, 1)} 期账单将于 ${day(p.dueDate)} 到期，尚未还清 ${yuan(p.unpaidFen)}（账单金额 ${yuan(p.balanceFen)}，最低还款额 ${yuan(p.minimumPaymentFen)}，还需还 ${yuan(p.minimumLeftFen)} 即达最低还款额）。`,
          meaning: '到期未还最低还款额将收取逾期费；未全额还款的部分按日计息。',
          action: '请在到期日前至少还最低还款额，全额还款可免利息。',
        }
      : {
          title: 'Your statement is due soon',
          happened: `Statement ${num(p.statementSeq, 1)} is due on ${day(p.dueDate)} with ${yuan(p.unpaidFen)} unpaid (balance ${yuan(p.balanceFen)}, minimum payment ${yuan(p.minimumPaymentFen)}, ${yuan(p.minimumLeftFen)} still to pay to reach it).`,
          meaning:
            'Missing the minimum payment costs a late fee; what is not paid in full costs daily interest.',
          action: 'Pay at least the minimum by the due date; pay it all to owe no interest.',
        },
  STATEMENT_OVERDUE: (p, zh) =>
    zh
      ? {
          title: '账单最低还款额逾期',
          happened: `第 ${num(p.statementSeq, 1)} 期账单的最低还款额 ${yuan(p.minimumPaymentFen)} 在 ${day(p.dueDate)} 前未还清，尚差 ${yuan(p.minimumLeftFen)}；已收取逾期费 ${yuan(p.lateFeeFen)}。`,
          meaning: '未还部分按日计息，逾期会影响您的信用记录和额度。',
          action: '请尽快还款；如有困难，请联系客服商量还款安排。',
        }
      : {
          title: 'Your minimum payment is overdue',
          happened: `The minimum payment of ${yuan(p.minimumPaymentFen)} on statement ${num(p.statementSeq, 1)} was not paid by ${day(p.dueDate)}; ${yuan(p.minimumLeftFen)} of it is missing, and a late fee of ${yuan(p.lateFeeFen)} was charged.`,
          meaning:
            'Daily interest runs on what is unpaid, and an overdue weighs on your credit record and limit.',
          action: 'Please pay soon; if you cannot, contact support to agree a plan.',
        },
  // The link notices carry their own words (the code must be in the SMS itself).
  PARTNER_LINK_CODE: (p, zh) => {
    const t = (p.text ?? {}) as Record<string, string>;
    return zh
      ? {
          title: '合作方授权验证码',
          happened: t['zh-CN'] ?? `${String(p.partnerName ?? '合作方应用')} 申请使用您的白条额度。`,
          meaning: '输入验证码即授权该应用在所列范围内使用您的白条。',
          action: '如非本人操作，请勿告诉任何人，并联系客服。',
        }
      : {
          title: 'Your partner link code',
          happened:
            t.en ?? `${String(p.partnerName ?? 'A partner app')} asks to use your credit line.`,
          meaning: 'Giving the code lets that app use your credit line within the listed scopes.',
          action: 'If this was not you, do not share it and contact support.',
        };
  },
  PARTNER_LINK_CHANGED: (p, zh) => {
    const t = (p.text ?? {}) as Record<string, string>;
    return zh
      ? {
          title: '合作方授权已变更',
          happened: t['zh-CN'] ?? '一个合作方应用的授权已变更。',
          meaning: '该应用不能再使用您的白条额度。',
          action: '如需继续使用，请在该应用中重新授权。',
        }
      : {
          title: 'A partner link changed',
          happened: t.en ?? 'A partner app link changed.',
          meaning: 'That app can no longer use your credit line.',
          action: 'To use it again, link it again in that app.',
        };
  },
  CATEGORY_LIMIT_CHANGED: (p, zh) => {
    const removed = p.limitFen == null;
    const cat = String(p.category ?? '');
    return zh
      ? {
          title: '专项额度有变化',
          happened: removed
            ? `您在「${cat}」类商品的专项额度已取消。`
            : `您在「${cat}」类商品的专项额度为 ${yuan(p.limitFen)}。`,
          meaning: removed
            ? '该类商品按总额度使用。'
            : '该类商品的消费不超过专项额度，也占用总额度。',
          action: '无需操作；可在 App 中查看各类额度。',
        }
      : {
          title: 'A category limit changed',
          happened: removed
            ? `Your category limit for ${cat} was removed.`
            : `Your category limit for ${cat} is now ${yuan(p.limitFen)}.`,
          meaning: removed
            ? 'Purchases in that category use your general limit.'
            : 'Purchases in that category stay within it, and count against your general limit too.',
          action: 'Nothing to do; the app shows your limits by category.',
        };
  },
};

/** The kinds written here as parts (the rest of the words live in notice-text.ts). */
export const NOTICE_PART_KINDS: Readonly<Record<string, unknown>> = TEXTS;

/** The text of a notice in a locale. A staff message, when present, is what happened. */
export function noticeWords(
  kind: string,
  payload: Record<string, unknown> | null | undefined,
  locale: EngineLocale,
): NoticeParts {
  const p = payload ?? {};
  const zh = locale === 'zh-CN';
  const render = TEXTS[kind as NoticeKind] ?? TEXTS.BUDGETING_TIP;
  const t = render(p, zh);
  return typeof p.message === 'string' && p.message.trim() ? { ...t, happened: p.message } : t;
}
