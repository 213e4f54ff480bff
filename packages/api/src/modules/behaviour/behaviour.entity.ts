import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

/** What the score is built from: orders, reviews, repayment history, bureau summaries. */
@Entity({ tableName: 'orders' })
export class Order {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'datetime' }) placedAt!: Date;
  @Property({ type: Fen }) amountFen!: number;
  @Property({ type: 'text' }) category!: string;
  @Property({ type: 'text' }) status!: 'PENDING' | 'DELIVERED' | 'RETURNED' | 'CANCELLED';
  @Property({ type: 'datetime', nullable: true }) deliveredAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) returnedAt?: Date | null;
}

@Entity({ tableName: 'reviews' })
export class Review {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: Id, nullable: true }) orderId?: string | null;
  @Property({ type: 'smallint' }) rating!: number;
  @Property({ type: 'datetime' }) createdAt!: Date;
}

@Entity({ tableName: 'repayment_history' })
export class RepaymentHistory {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'date' }) dueDate!: string;
  @Property({ type: Fen }) amountDueFen!: number;
  @Property({ type: Fen }) amountPaidFen!: number;
  @Property({ type: 'datetime', nullable: true }) paidAt?: Date | null;
  @Property({ type: 'integer' }) daysPastDue = 0;
}

@Entity({ tableName: 'bureau_reports' })
export class BureauReport {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'datetime' }) reportedAt!: Date;
  @Property({ type: 'integer' }) bureauScore!: number;
  @Property({ type: 'integer', fieldName: 'inquiries_3m' }) inquiries3m!: number;
  @Property({ type: 'integer', fieldName: 'inquiries_6m' }) inquiries6m!: number;
  @Property({ type: Fen }) otherDebtFen!: number;
  @Property({ type: 'integer' }) pastDefaults!: number;
}
