"""The hub's receipt of the events a desk makes most, in one server-side call
(PostgreSQL): `wimc_receive(batch json) RETURNS json`, created by the migration 0013.

A batch of check-ins, refused scans and other audit rows (each event's rows: new
check-ins, audit rows, changes of a guest's attendance) is decided and written by one
statement: its guests locked (FOR NO KEY UPDATE, in the order of their ids), earlier
receipts found, each fresh event decided in arrival order from the rows read once (the
first admission of a guest for a day admitted, a later one duplicate and undone by the
hub, an admission with a code revoked before it flagged), and every table written once.
A desk's push is then one round trip in autocommit: every lock it takes, the counter's
at commit included, is held for server time only, never across a network round trip.

It returns NULL, having written nothing, when the batch holds anything else (a reissue,
an undo, a walk-in, a signing ...), an unknown guest, or rows that clash with the hub's
(an integrity error): services.sync.hub then receives it one event at a time.

The values come as the desk sent them (JSON text) and are read by json_populate_recordset
into the tables' own types: times are UTC with an offset, which a `timestamp` column
drops; the audit rows' details are kept as the very text sent (a `json` column keeps its
input), the text their hash was made of. The undo row of a duplicate gets the id the
caller made for it (each event's `dup_ids`: uuid5 of the check-in's id, which core
PostgreSQL cannot make).
"""

from __future__ import annotations

RECEIVE_FUNCTION = r"""
CREATE OR REPLACE FUNCTION wimc_receive(batch json) RETURNS json LANGUAGE plpgsql AS $$
DECLARE
  ev json;
  r json;
  v json;
  now_utc timestamp := clock_timestamp() AT TIME ZONE 'UTC';
  event_ids text[];
  admitted_ids text[];
  changed_ids text[];
  codes text[];
  other boolean;
  kept jsonb := '{}';
  revoked jsonb := '{}';
  earlier jsonb := '{}';
  gkey text;
  outcome text; reason text; conflict text;
  kdesk text; kop text; kat timestamp; gid text; dday date;
  checkins json[] := '{}';
  undos json[] := '{}';
  events json[] := '{}';
  guest_rows json[] := '{}';
  audits json[] := '{}';
  receipts json[] := '{}';
  mine text;
  chain_name text;
  last_seq bigint; last_hash text; held text; head text;
  row_ record;
BEGIN
  SELECT array_agg(DISTINCT e ->> 'id') INTO event_ids FROM json_array_elements(batch) e;
  SELECT coalesce(bool_or(NOT ((x ->> 'table' = 'checkin' AND (x ->> 'new')::boolean)
                               OR x ->> 'table' = 'audit'
                               OR (x ->> 'table' = 'guest' AND NOT (x ->> 'new')::boolean))),
                  false),
         coalesce(array_agg(DISTINCT x -> 'values' ->> 'guest_id')
                  FILTER (WHERE x ->> 'table' = 'checkin'), '{}'),
         coalesce(array_agg(DISTINCT x -> 'values' ->> 'id')
                  FILTER (WHERE x ->> 'table' = 'guest'), '{}'),
         coalesce(array_agg(DISTINCT x -> 'values' ->> 'badge_code')
                  FILTER (WHERE x ->> 'table' = 'checkin'), '{}')
    INTO other, admitted_ids, changed_ids, codes
    FROM json_array_elements(batch) e, json_array_elements(e -> 'payload' -> 'rows') x;
  IF other THEN
    RETURN NULL;  -- (anything but check-ins, audit rows and attendance: one at a time)
  END IF;
  PERFORM 1 FROM guest WHERE id = ANY(admitted_ids || changed_ids) ORDER BY id
    FOR NO KEY UPDATE;
  IF (SELECT count(*) FROM guest WHERE id = ANY(admitted_ids)) <> cardinality(admitted_ids) THEN
    RETURN NULL;  -- (an unknown guest: refused one event at a time)
  END IF;
  SELECT coalesce(jsonb_object_agg(h.id, json_build_object(
           'event', h.id, 'outcome', h.outcome, 'reason', h.reason, 'conflict', h.conflict,
           'kept_desk', h.kept_desk, 'kept_operator', h.kept_operator,
           'kept_at', h.kept_at)), '{}') INTO earlier
    FROM hub_event h WHERE h.id = ANY(event_ids);
  FOR row_ IN SELECT c.guest_id, c.event_day, c.desk, c.operator, c.at FROM checkin c
      WHERE c.guest_id = ANY(admitted_ids)
        AND NOT EXISTS (SELECT 1 FROM checkin_undo u WHERE u.checkin_id = c.id)
      ORDER BY c.at LOOP
    gkey := row_.guest_id || '|' || row_.event_day;
    IF NOT kept ? gkey THEN
      kept := kept || jsonb_build_object(gkey, jsonb_build_array(row_.desk, row_.operator,
                                                                row_.at));
    END IF;
  END LOOP;
  SELECT coalesce(jsonb_object_agg(b.code, jsonb_build_array(b.desk, b.operator,
                                                             b.revoked_at)), '{}')
    INTO revoked FROM revoked_badge b WHERE b.code = ANY(codes);

  FOR ev IN SELECT value FROM json_array_elements(batch) LOOP
    IF earlier ? (ev ->> 'id') THEN
      receipts := receipts || (earlier -> (ev ->> 'id'))::json;
      CONTINUE;
    END IF;
    outcome := 'applied'; reason := ''; conflict := ''; kdesk := ''; kop := '';
    kat := NULL; gid := NULL; dday := NULL;
    FOR r IN SELECT value FROM json_array_elements(ev -> 'payload' -> 'rows') LOOP
      v := r -> 'values';
      IF r ->> 'table' = 'checkin' THEN
        checkins := checkins || v;
        gid := v ->> 'guest_id'; dday := (v ->> 'event_day')::date; outcome := 'admitted';
        gkey := gid || '|' || dday;
        IF kept ? gkey THEN
          outcome := 'duplicate'; conflict := 'duplicate_admission';
          kdesk := kept -> gkey ->> 0; kop := kept -> gkey ->> 1;
          kat := (kept -> gkey ->> 2)::timestamp;
          undos := undos || json_build_object(
            'id', ev -> 'dup_ids' ->> (v ->> 'id'), 'checkin_id', v ->> 'id',
            'at', now_utc, 'desk', 'hub', 'operator', 'hub',
            'reason', 'duplicate: admitted before at desk ' || kdesk,
            'nonce', 'dup:' || (v ->> 'id'));
        ELSE
          kept := kept || jsonb_build_object(gkey, jsonb_build_array(
            v ->> 'desk', v ->> 'operator', (v ->> 'at')::timestamp));
          IF revoked ? (v ->> 'badge_code') AND
             (revoked -> (v ->> 'badge_code') ->> 2)::timestamp <= (v ->> 'at')::timestamp
          THEN
            conflict := 'revoked_code_admitted';
            kdesk := revoked -> (v ->> 'badge_code') ->> 0;
            kop := revoked -> (v ->> 'badge_code') ->> 1;
            kat := (revoked -> (v ->> 'badge_code') ->> 2)::timestamp;
          END IF;
        END IF;
      ELSIF r ->> 'table' = 'guest' THEN
        guest_rows := guest_rows || v;
      ELSE
        audits := audits || v;
      END IF;
    END LOOP;
    events := events || json_build_object(
      'id', ev ->> 'id', 'desk', coalesce(ev -> 'payload' ->> 'desk', ''),
      'operator', coalesce(ev -> 'payload' ->> 'operator', ''), 'kind', ev ->> 'kind',
      'device_at', (ev ->> 'created_at')::timestamp, 'hub_at', now_utc,
      'outcome', outcome, 'reason', reason, 'guest_id', gid, 'day', dday,
      'conflict', conflict, 'kept_desk', kdesk, 'kept_operator', kop, 'kept_at', kat,
      'payload', ev -> 'payload');
    receipts := receipts || json_build_object(
      'event', ev ->> 'id', 'outcome', outcome, 'reason', reason, 'conflict', conflict,
      'kept_desk', kdesk, 'kept_operator', kop, 'kept_at', kat);
  END LOOP;

  BEGIN  -- (a clash with the hub's rows undoes every write: NULL, one at a time then)
    IF cardinality(checkins) > 0 THEN
      INSERT INTO checkin SELECT * FROM json_populate_recordset(NULL::checkin,
                                                                array_to_json(checkins))
        ON CONFLICT DO NOTHING;
    END IF;
    IF cardinality(undos) > 0 THEN
      INSERT INTO checkin_undo SELECT * FROM json_populate_recordset(NULL::checkin_undo,
                                                                     array_to_json(undos))
        ON CONFLICT DO NOTHING;
    END IF;
    IF cardinality(events) > 0 THEN
      INSERT INTO hub_event SELECT * FROM json_populate_recordset(NULL::hub_event,
                                                                  array_to_json(events))
        ON CONFLICT DO NOTHING;
    END IF;
    IF cardinality(guest_rows) > 0 THEN
      UPDATE guest g SET attendance = x.attendance, updated_at = x.updated_at
        FROM json_populate_recordset(NULL::guest, array_to_json(guest_rows)) x
        WHERE g.id = x.id;
    END IF;
    IF cardinality(audits) > 0 THEN
      INSERT INTO audit SELECT * FROM json_populate_recordset(NULL::audit,
                                                              array_to_json(audits))
        ON CONFLICT (id) DO NOTHING;
      mine := coalesce((SELECT value FROM wimc_meta WHERE key = 'audit_chain'), '');
      FOR chain_name IN SELECT DISTINCT coalesce(a ->> 'chain', '') FROM unnest(audits) a
          WHERE coalesce(a ->> 'chain', '') <> mine ORDER BY 1 LOOP
        SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit a
          WHERE a.chain = chain_name ORDER BY a.seq DESC LIMIT 1;
        CONTINUE WHEN NOT FOUND;
        head := CASE WHEN chain_name = '' THEN 'audit_head'
                     ELSE 'audit_head:' || chain_name END;
        SELECT value INTO held FROM wimc_meta WHERE key = head;
        IF NOT FOUND THEN
          INSERT INTO wimc_meta (key, value) VALUES (head, last_seq || ':' || last_hash);
        ELSIF split_part(held, ':', 1)::bigint < last_seq THEN
          UPDATE wimc_meta SET value = last_seq || ':' || last_hash WHERE key = head;
        END IF;
      END LOOP;
    END IF;
  EXCEPTION WHEN integrity_constraint_violation THEN
    RETURN NULL;
  END;
  RETURN array_to_json(receipts);
END $$
"""
