import type { Session } from "../programme/model.js";
import type { ProgrammeService } from "../programme/service.js";
import type { SourceSync } from "../programme/sync.js";
import type { ConferenceSpec } from "./config.js";

/** A conference as the running process serves it: its configuration, programme service and sync. */
export interface ConferenceRuntime {
  spec: ConferenceSpec;
  service: ProgrammeService;
  /** Following its published schedule, when its programme is a URL. */
  sync?: SourceSync;
}

/** What the registry needs of each conference's view (the bot's per-conference dependencies). */
export interface ConferenceView {
  conference: ConferenceSpec;
  programmeService: ProgrammeService;
  catalog: {
    session(id: string): Session | undefined;
    sessionByKey(key: number): Session | undefined;
    speakerByKey(key: number): unknown;
  };
}

/**
 * The conferences of a deployment, each with its own view (catalogue, programme service, sync): looked up by
 * id, by a user's current conference, by a session's qualified id or by a button's session key. The default
 * conference answers whoever has chosen none, or one that is gone from the configuration.
 */
export class Conferences<V extends ConferenceView = ConferenceView> {
  private readonly byId = new Map<string, V>();
  /** Views by prefix, longest first, so a qualified id finds its conference. */
  private readonly byPrefix: { prefix: string; view: V }[];

  constructor(
    views: readonly V[],
    /** The deployment's owners (ADMIN_IDS): organizers of every conference. */
    private readonly owners: readonly number[],
  ) {
    for (const v of views) this.byId.set(v.conference.id, v);
    const first = views.find((v) => v.conference.isDefault) ?? views[0];
    if (!first) throw new Error("a deployment needs at least one conference");
    this.defaultView = first;
    this.byPrefix = views
      .map((view) => ({ prefix: view.programmeService.prefix, view }))
      .sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The conference new users look at. */
  readonly defaultView: V;

  /** Every conference served, in configuration order (the default first). */
  all(): V[] {
    return [...this.byId.values()];
  }

  /** How many conferences the deployment serves. */
  get size(): number {
    return this.byId.size;
  }

  /** A conference by id, when it is served. */
  get(id: string | null | undefined): V | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The conference a user looks at: the one they chose, when it is still served, else the default. */
  forUser(user: { conference?: string | null } | undefined): V {
    return this.get(user?.conference) ?? this.defaultView;
  }

  /** The conference a (qualified) session or speaker id belongs to. */
  ofId(id: string): V | undefined {
    for (const { prefix, view } of this.byPrefix) if (id.startsWith(prefix)) return view;
    return undefined;
  }

  /** The session a button's key names in any conference, with its conference. */
  sessionByKey(key: number): { view: V; session: Session } | undefined {
    for (const view of this.byId.values()) {
      const session = view.catalog.sessionByKey(key);
      if (session) return { view, session };
    }
    return undefined;
  }

  /** The conference whose programme has the speaker a button's key names. */
  ofSpeakerKey(key: number): V | undefined {
    for (const view of this.byId.values()) if (view.catalog.speakerByKey(key)) return view;
    return undefined;
  }

  /**
   * The catalogue and organizers a Mini App request acts with: of the conference `requested` names, else the
   * user's current one, or of the conference holding a session key; undefined when it names none served.
   */
  scope(
    by: { user: string | null; requested: string | null } | { sessionKey: number },
  ): { catalog: V["catalog"]; organizerIds: number[]; conferenceId: string } | undefined {
    const view =
      "sessionKey" in by
        ? this.sessionByKey(by.sessionKey)?.view
        : by.requested
          ? this.get(by.requested)
          : this.forUser({ conference: by.user });
    return (
      view && {
        catalog: view.catalog,
        organizerIds: this.organizersOf(view.conference.id),
        conferenceId: view.conference.id,
      }
    );
  }

  /** Whether `userId` may act as an organizer of conference `id`: its own organizers, or an owner. */
  isOrganizer(userId: number, id: string): boolean {
    return this.isOwner(userId) || Boolean(this.byId.get(id)?.conference.organizers.includes(userId));
  }

  /** Whether `userId` is an organizer of any conference served (or an owner). */
  organizesAny(userId: number): boolean {
    if (this.isOwner(userId)) return true;
    for (const { conference } of this.byId.values()) if (conference.organizers.includes(userId)) return true;
    return false;
  }

  /** Whether `userId` owns the deployment (ADMIN_IDS): organizer of every conference, broadcasts to everyone. */
  isOwner(userId: number): boolean {
    return this.owners.includes(userId);
  }

  /** The organizers of conference `id` who are to hear of it (its own and the owners), each once. */
  organizersOf(id: string): number[] {
    return [...new Set([...(this.byId.get(id)?.conference.organizers ?? []), ...this.owners])];
  }
}
