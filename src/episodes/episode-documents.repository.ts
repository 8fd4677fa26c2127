import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { childRecordScope, SqlParams } from '../auth/scope.js';
import type { OrderTerms } from '../orders/order-terms.js';
import type { EpisodeStatus } from './obligation-types.js';
import type { ChildDescription, EpisodeCircumstances } from './report-packet.js';

/** One episode with everything its report packet and poster print, read in one statement (one consistent snapshot). */
export interface EpisodeDocumentSource extends EpisodeCircumstances {
  id: string;
  status: EpisodeStatus;
  childId: string;
  courtId: string;
  episodeAgencyId: string | null;
  currentAgencyId: string | null;
  terms: Partial<OrderTerms>;
  child: ChildDescription;
  docketNumber: string;
  court: { name: string; timezone: string };
  agency: { name: string | null; caseworkerName: string | null; caseworkerEmail: string | null };
  orderNumber: string | null;
  photo: { id: string; takenAt: Date; sha256: string } | null;
  traffickingConcern: boolean;
}

interface Row {
  first_name: string;
  middle_name: string | null;
  last_name: string;
  date_of_birth: string;
  sex: string | null;
  height_inches: number | null;
  weight_pounds: number | null;
  hair_color: string | null;
  eye_color: string | null;
  identifying_marks: string[];
  wears_glasses: boolean | null;
  has_braces: boolean | null;
  risk_factors: string[];
  id: string;
  status: EpisodeStatus;
  child_id: string;
  court_id: string;
  agency_id: string | null;
  current_agency_id: string | null;
  missing_since: Date;
  discovered_at: Date;
  last_seen_location: string | null;
  last_seen_city: string | null;
  clothing_description: string | null;
  circumstances: string | null;
  companions: string[];
  child_phone: string | null;
  social_media: string[];
  terms: Partial<OrderTerms>;
  docket_number: string;
  court_name: string;
  timezone: string;
  agency_name: string | null;
  caseworker_name: string | null;
  caseworker_email: string | null;
  order_number: string | null;
  photo_id: string | null;
  photo_taken_at: Date | null;
  photo_sha256: string | null;
  trafficking_concern: boolean;
}

/*
 * A document of record is read as one snapshot, so this one statement joins
 * what the packet prints from the child's case (cases, children, placements,
 * photos), the court, the agency and the number of the order that governs the
 * episode, instead of asking four features in four transactions.
 */
const SOURCE = `
  SELECT e.id, e.status, e.child_id, e.court_id, e.agency_id, cp.agency_id AS current_agency_id, e.missing_since, e.discovered_at,
         e.last_seen_location, e.last_seen_city, e.clothing_description, e.circumstances, e.companions, e.child_phone, e.social_media, e.terms,
         c.first_name, c.middle_name, c.last_name, c.date_of_birth, c.sex, c.height_inches, c.weight_pounds, c.hair_color, c.eye_color,
         c.identifying_marks, c.wears_glasses, c.has_braces, c.risk_factors,
         k.docket_number, co.name AS court_name, co.timezone, a.name AS agency_name, p.caseworker_name, p.caseworker_email,
         o.order_number, lp.id AS photo_id, lp.taken_at AS photo_taken_at, lp.sha256 AS photo_sha256,
         EXISTS (SELECT 1 FROM evidence ev JOIN obligations ob ON ob.id = ev.obligation_id
                  WHERE ev.child_id = e.child_id AND ob.type = 'SAFETY_ASSESSMENT' AND ev.status = 'ACCEPTED'
                    AND ev.fields->>'traffickingConcern' = 'true') AS trafficking_concern
    FROM episodes e
    JOIN children c ON c.id = e.child_id
    JOIN cases k ON k.id = e.case_id
    JOIN courts co ON co.id = e.court_id
    LEFT JOIN agencies a ON a.id = e.agency_id
    LEFT JOIN placements p ON p.id = e.placement_id
    LEFT JOIN placements cp ON cp.child_id = e.child_id AND cp.ended_at IS NULL
    LEFT JOIN orders o ON o.id = e.order_id
    LEFT JOIN LATERAL (SELECT ph.id, ph.taken_at, ph.sha256 FROM photos ph WHERE ph.child_id = e.child_id
                        ORDER BY ph.taken_at DESC, ph.id LIMIT 1) lp ON TRUE`;

/** What the episode's documents (report packet, poster) are made from. */
@Injectable()
export class EpisodeDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The episode if the caller may see its child (scope inside the query); null otherwise. */
  async source(principal: Principal, episodeId: string): Promise<EpisodeDocumentSource | null> {
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `${SOURCE} WHERE e.id = ${params.add(episodeId)} AND ${childRecordScope(principal, 'e.child_id', 'e.court_id', params)}`,
      params.values,
    )) as Row[];
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      status: r.status,
      childId: r.child_id,
      courtId: r.court_id,
      episodeAgencyId: r.agency_id,
      currentAgencyId: r.current_agency_id,
      missingSince: r.missing_since,
      discoveredAt: r.discovered_at,
      lastSeenLocation: r.last_seen_location,
      lastSeenCity: r.last_seen_city,
      clothingDescription: r.clothing_description,
      circumstances: r.circumstances,
      companions: r.companions,
      childPhone: r.child_phone,
      socialMedia: r.social_media,
      terms: r.terms,
      child: {
        firstName: r.first_name,
        middleName: r.middle_name,
        lastName: r.last_name,
        dateOfBirth: r.date_of_birth,
        sex: r.sex,
        heightInches: r.height_inches,
        weightPounds: r.weight_pounds,
        hairColor: r.hair_color,
        eyeColor: r.eye_color,
        identifyingMarks: r.identifying_marks,
        wearsGlasses: r.wears_glasses,
        hasBraces: r.has_braces,
        riskFactors: r.risk_factors,
      },
      docketNumber: r.docket_number,
      court: { name: r.court_name, timezone: r.timezone },
      agency: { name: r.agency_name, caseworkerName: r.caseworker_name, caseworkerEmail: r.caseworker_email },
      orderNumber: r.order_number,
      photo: r.photo_id ? { id: r.photo_id, takenAt: r.photo_taken_at as Date, sha256: (r.photo_sha256 as string).trim() } : null,
      traffickingConcern: r.trafficking_concern,
    };
  }
}
