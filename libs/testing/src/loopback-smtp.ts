import { createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A minimal SMTP server on the loopback interface that keeps every message it accepts, as text.
 * `acceptDelayMs` holds each "250 OK" after a message's data, as a slow mail server would, so a
 * sender can be caught in the middle of a batch.
 */
export async function startLoopbackSmtp(options: { acceptDelayMs?: number } = {}): Promise<{
  url: string;
  messages: string[];
  close(): Promise<void>;
}> {
  const messages: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let message: string | null = null;
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    reply('220 localhost ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message !== null) {
          if (line === '.') {
            messages.push(message);
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

/** A header of a message as the loopback server keeps it, or `null`. */
export function messageHeader(message: string, name: string): string | null {
  return new RegExp(`^${name}: (.+)$`, 'im').exec(message)?.[1]?.trim() ?? null;
}
