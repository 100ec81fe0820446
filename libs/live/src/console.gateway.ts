import { OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { SessionRevokedMessage } from '@hub/auth/auth-sessions.service';
import { AuthService, TokenClaims } from '@hub/auth/auth.service';
import { hasRole, Viewer } from '@hub/auth/roles';
import { EventBus } from '@hub/core';
import { LiveMessage, OPERATOR_ROOM, roleRoom, unitRoom, userRoom } from './live-messages';

type Listener = (message: LiveMessage) => void;

/**
 * The `/console` namespace: a bad token is refused at handshake; operators and
 * supervisors join the room of every ticket, unit staff their unit's room. Events
 * reach it from the events channel (Redis, or PostgreSQL in single-machine mode),
 * whichever process raised them. A socket lives no longer than its token: it is
 * closed at the token's expiry (checked again before every emit) and when its login
 * session ends.
 */
@WebSocketGateway({ namespace: '/console', transports: ['websocket', 'polling'] })
export class ConsoleGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleInit {
  @WebSocketServer() private namespace: Namespace;
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly auth: AuthService,
    private readonly events: EventBus,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      if (typeof token !== 'string') return next(new Error('UNAUTHORIZED'));
      this.auth.authenticate(token).then(
        ({ viewer, claims }) => {
          socket.data.viewer = viewer;
          socket.data.claims = claims;
          next();
        },
        () => next(new Error('UNAUTHORIZED')),
      );
    });
  }

  handleConnection(socket: Socket): void {
    const viewer = socket.data.viewer as Viewer | undefined;
    const claims = socket.data.claims as TokenClaims | undefined;
    if (!viewer || !claims) return void socket.disconnect(true);
    const untilExpiry = claims.exp * 1000 - Date.now();
    if (untilExpiry <= 0) return void socket.disconnect(true);
    socket.data.expiryTimer = setTimeout(() => socket.disconnect(true), untilExpiry);
    for (const room of roomsOf(viewer)) void socket.join(room);
  }

  handleDisconnect(socket: Socket): void {
    clearTimeout(socket.data.expiryTimer as NodeJS.Timeout | undefined);
  }

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((raw) => this.relay(raw));
  }

  /** Lets a feature (counters) react to the same stream of events. */
  onMessage(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Emits to this process's sockets only: every process gets the channel message itself. */
  emitToOperators(event: string, payload: unknown): void {
    this.closeExpiredSockets();
    this.namespace?.local.to(OPERATOR_ROOM).emit(event, payload);
  }

  private relay(raw: string): void {
    let message: LiveMessage | SessionRevokedMessage;
    try {
      message = JSON.parse(raw) as LiveMessage | SessionRevokedMessage;
    } catch {
      return;
    }
    if (!this.namespace) return;
    if (message.event === 'session.revoked') return this.closeSession(message.sessionId);
    this.closeExpiredSockets();
    if (message.event === 'claim.changed') {
      this.namespace.local.to(OPERATOR_ROOM).emit(message.event, { ticketId: message.ticketId, claim: message.claim });
    } else if (message.event === 'counters') {
      this.namespace.local.to(OPERATOR_ROOM).emit('counters', message.counters);
    } else if (message.event === 'report.progress') {
      this.namespace.local.to(userRoom(message.userId)).emit(message.event, message.run);
    } else if (message.event === 'notification') {
      this.namespace.local.to(message.roles.map((role) => roleRoom(role, message.unit))).emit('notification', message.notification);
    } else if (message.event === 'trend.alert') {
      this.namespace.local.to(roleRoom('SUPERVISOR', null)).emit('trend.alert', message.alert);
    } else {
      const units = [message.leadUnit, ...(message.assistUnits ?? []), message.policeUnit].filter((u): u is string => !!u);
      const payload = { id: message.id, trackingCode: message.trackingCode, status: message.status, version: message.version, leadUnit: message.leadUnit, assistUnits: message.assistUnits, policeUnit: message.policeUnit ?? null };
      this.namespace.local.to([OPERATOR_ROOM, ...units.map(unitRoom)]).emit(message.event, payload);
    }
    for (const listener of this.listeners) listener(message);
  }

  /** A timer that fires late (a busy event loop) must not let an expired token receive one more event. */
  private closeExpiredSockets(): void {
    const now = Date.now();
    for (const socket of this.namespace?.sockets.values() ?? []) {
      const claims = socket.data.claims as TokenClaims | undefined;
      if (!claims || claims.exp * 1000 <= now) socket.disconnect(true);
    }
  }

  private closeSession(sessionId: string): void {
    for (const socket of this.namespace.sockets.values()) {
      if ((socket.data.claims as TokenClaims | undefined)?.sid === sessionId) socket.disconnect(true);
    }
  }
}

function roomsOf(viewer: Viewer): string[] {
  const rooms: string[] = [userRoom(viewer.id)];
  if (hasRole(viewer, 'OPERATOR', 'SUPERVISOR')) rooms.push(OPERATOR_ROOM);
  if (viewer.unit && hasRole(viewer, 'HANDLER', 'UNIT_HEAD', 'POLICE_LIAISON')) rooms.push(unitRoom(viewer.unit));
  // notices: by role in the viewer's unit, and by role everywhere
  for (const role of viewer.roles) rooms.push(roleRoom(role, null), ...(viewer.unit ? [roleRoom(role, viewer.unit)] : []));
  return rooms;
}
