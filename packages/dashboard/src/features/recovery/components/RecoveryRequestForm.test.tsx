import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecoveryRequestForm } from './RecoveryRequestForm';
import { FileRecoveryRequestMutation } from '../graphql/recovery.graphql';
import { renderWithProviders } from '../../../test/render';

const reason = '客户已结清全部逾期款项，申请解冻账户。';

const fileMock = (payload: unknown, documents: unknown = null) => ({
  request: {
    query: FileRecoveryRequestMutation,
    variables: {
      input: { customerId: 'C1', type: 'UNFREEZE', reason, requestedLimit: null, documents },
    },
  },
  result: {
    data: { fileRecoveryRequest: { __typename: 'RecoveryRequestPayload', ...(payload as object) } },
  },
});

describe('RecoveryRequestForm', () => {
  it('explains what is missing before sending anything', async () => {
    const user = userEvent.setup();
    const onFiled = vi.fn();
    await renderWithProviders(<RecoveryRequestForm customerId="C1" onFiled={onFiled} />);
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    expect(screen.getByText('请选择申请类型。')).toBeInTheDocument();
    expect(screen.getByText('请用至少 10 个字说明原因。')).toBeInTheDocument();

    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File(['x'], 'notes.txt', { type: 'text/plain' }), {
      applyAccept: false,
    });
    expect(screen.getByText('notes.txt：只接受 PDF、JPEG 或 PNG 文件。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '移除 notes.txt' }));
    expect(screen.queryByText(/notes\.txt：/)).toBeNull();
    expect(onFiled).not.toHaveBeenCalled();
  });

  it('files the request with the documents’ metadata and reports the new id', async () => {
    const user = userEvent.setup();
    const onFiled = vi.fn();
    const documents = [
      {
        kind: 'BANK_STATEMENT',
        fileName: 'statement.pdf',
        contentType: 'application/pdf',
        sizeBytes: 4,
      },
    ];
    await renderWithProviders(<RecoveryRequestForm customerId="C1" onFiled={onFiled} />, {
      mocks: [
        fileMock(
          {
            recoveryRequest: {
              __typename: 'RecoveryRequest',
              id: 'R9',
              type: 'UNFREEZE',
              status: 'SUBMITTED',
              reason,
              createdAt: '2026-11-22T10:00:00Z',
            },
            userErrors: [],
          },
          documents,
        ),
      ],
    });
    await user.click(screen.getByRole('radio', { name: '解冻账户' }));
    await user.type(screen.getByRole('textbox', { name: /原因/ }), reason);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File(['%PDF'], 'statement.pdf', { type: 'application/pdf' }));
    await user.click(
      screen.getAllByLabelText('材料类型: statement.pdf').find((el) => el.tagName === 'INPUT')!,
    );
    await user.click(await screen.findByRole('option', { name: '银行流水' }));
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    await vi.waitFor(() => expect(onFiled).toHaveBeenCalledWith('R9'));
  });

  it('shows the API’s user errors in the agent’s language', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<RecoveryRequestForm customerId="C1" onFiled={() => {}} />, {
      mocks: [
        fileMock({
          recoveryRequest: null,
          userErrors: [
            {
              __typename: 'RecoveryRequestUserError',
              code: 'RECOVERY_REQUEST_OPEN',
              field: null,
              message: 'An open request exists.',
            },
          ],
        }),
      ],
    });
    await user.click(screen.getByRole('radio', { name: '解冻账户' }));
    await user.type(screen.getByRole('textbox', { name: /原因/ }), reason);
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    // by its code, in the agent's language (never the API's English sentence)
    expect(await screen.findByText('该客户已有一笔同类型的进行中申请。')).toBeInTheDocument();
    expect(screen.queryByText('An open request exists.')).toBeNull();
  });
});
