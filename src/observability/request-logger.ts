// A request's logger is the process's logger with the request's correlation id bound.
// Pino makes such a child by serializing its bindings, which Fastify would do for every
// request although most write no line at all (at the default level, none do). So the
// child is made when the request first writes a line at an enabled level: the same
// child, the same redaction, only later.
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Bindings, ChildLoggerOptions, LevelWithSilentOrString } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

class RequestLogger {
  private made?: FastifyBaseLogger;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get logger(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.bindings, this.options));
  }

  get level(): LevelWithSilentOrString {
    return this.made?.level ?? this.parent.level;
  }

  set level(level: LevelWithSilentOrString) {
    this.logger.level = level;
  }

  private write(level: Level, args: unknown[]): void {
    // Until the child exists its level is the parent's; a disabled level's method is a no-op.
    if (!this.made && !(this.parent as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled(level)) return;
    Reflect.apply(this.logger[level], this.logger, args);
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

/** Fastify's childLoggerFactory: a route with a log level of its own gets its child at once. */
export const lazyRequestLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (logger, bindings, options) =>
  options.level === undefined && typeof (logger as { isLevelEnabled?: unknown }).isLevelEnabled === 'function'
    ? new RequestLogger(logger, bindings, options)
    : logger.child(bindings, options);
