import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface CapturedMessage {
  messageId: string | null;
  to: string | null;
  subject: string | null;
}

/**
 * A minimal SMTP server on the loopback interface that keeps the headers of every message it
 * accepts. `acceptDelayMs` holds each "250 OK" after a message's data, as a slow mail server
 * would, so a sender can be caught in the middle of a batch.
 */
export async function startCaptureSmtp(options: { acceptDelayMs?: number } = {}): Promise<{
  url: string;
  messages: CapturedMessage[];
  close(): Promise<void>;
}> {
  const messages: CapturedMessage[] = [];
  const sockets = new Set<Socket>();
  const header = (text: string, name: string) =>
    new RegExp(`^${name}: (.+)$`, 'im').exec(text)?.[1]?.trim() ?? null;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let message: string | null = null;
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    socket.write('220 localhost ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message !== null) {
          if (line === '.') {
            messages.push({
              messageId: header(message, 'Message-ID'),
              to: header(message, 'To'),
              subject: header(message, 'Subject'),
            });
            message = null;
            setTimeout(() => reply('250 OK'), options.acceptDelayMs ?? 0);
          } else {
            message += `${line}\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 localhost');
        else if (verb === 'DATA') {
          message = '';
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else reply('250 OK');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
