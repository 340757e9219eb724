import Foundation
import MnemoCore

/// Anki's legacy collection schema (version 11): the one every Anki version imports, and
/// the one inside `collection.anki2` / `collection.anki21` of a package exported with
/// "Support older Anki versions".
enum AnkiSchema {
    static let version = 11

    static let tables = """
        CREATE TABLE col (
            id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
            ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
            conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (
            id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
            usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
            csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (
            id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
            mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
            due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
            lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
            flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (
            id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
            ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
            type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """

    /// Fixed note type ids, so re-importing an updated deck reuses the same note types.
    static func modelID(_ type: AnkiNoteType) -> Int64 {
        switch type {
        case .basic: 1_731_000_000_001
        case .cloze: 1_731_000_000_002
        case .choice: 1_731_000_000_003
        }
    }

    /// An Anki deck id stable for a Mnemo deck id (13 digits, like Anki's own).
    static func deckID(for deckID: String) -> Int64 {
        let digest = SHA256.digest(of: Array(deckID.utf8))
        let value = digest.prefix(6).reduce(Int64(0)) { $0 << 8 | Int64($1) }
        return 1_000_000_000_000 + value % 8_000_000_000_000
    }

    /// The Anki deck's description names the Mnemo deck id, so importing the package back
    /// gives the same deck id (review events carry it).
    static func description(deckID: String) -> String { "Made with Mnemo from deck \(deckID)." }

    static func mnemoDeckID(fromDescription text: String) -> String? {
        guard let start = text.range(of: "Made with Mnemo from deck "), text.hasSuffix(".") else { return nil }
        let id = text[start.upperBound...].dropLast()
        return id.isEmpty || id.contains(where: \.isWhitespace) ? nil : String(id)
    }

    static let css = """
        .card { font-family: arial, sans-serif; font-size: 20px; text-align: center; color: black; background-color: white; }
        .cloze { font-weight: bold; color: blue; }
        .nightMode .cloze { color: lightblue; }
        .source { margin-top: 1.2em; font-size: 14px; color: #666; text-align: start; }
        .options { display: inline-block; text-align: start; }
        """

    static func model(_ type: AnkiNoteType, deckID: Int64, now: Int64) -> [String: Any] {
        let source = "<div class=\"source\" dir=\"auto\">{{Source}}</div>"
        let templates: [[String: Any]]
        switch type {
        case .basic:
            templates = [
                template(
                    "Card 1", front: "<div dir=\"auto\">{{Front}}</div>",
                    back: "{{FrontSide}}\n\n<hr id=answer>\n\n<div dir=\"auto\">{{Back}}</div>\n\(source)")
            ]
        case .cloze:
            templates = [
                template(
                    "Cloze", front: "<div dir=\"auto\">{{cloze:Text}}</div>",
                    back: "<div dir=\"auto\">{{cloze:Text}}</div>\n<div dir=\"auto\">{{Extra}}</div>\n\(source)")
            ]
        case .choice:
            let front = "<div dir=\"auto\">{{Question}}</div>\n<div class=\"options\" dir=\"auto\">{{Options}}</div>"
            templates = [
                template(
                    "Choice", front: front,
                    back: "{{FrontSide}}\n\n<hr id=answer>\n\n<div dir=\"auto\">{{Answer}}</div>\n\(source)")
            ]
        }
        let fields: [[String: Any]] = type.fieldNames.enumerated().map { index, name in
            ["name": name, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": []]
        }
        return [
            "id": modelID(type), "name": type.name, "type": type == .cloze ? 1 : 0, "mod": now, "usn": -1,
            "sortf": 0, "did": deckID, "tmpls": templates, "flds": fields, "css": css,
            "latexPre":
                "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false,
            "req": [[0, type == .basic ? "all" : "any", [0]]], "tags": [], "vers": [],
        ]
    }

    static func template(_ name: String, front: String, back: String) -> [String: Any] {
        [
            "name": name, "ord": 0, "qfmt": front, "afmt": back, "bqfmt": "", "bafmt": "", "did": NSNull(), "bfont": "",
            "bsize": 0,
        ]
    }

    static func deck(id: Int64, name: String, now: Int64, description: String = "") -> [String: Any] {
        [
            "id": id, "name": name, "desc": description, "mod": now, "usn": -1, "collapsed": false,
            "browserCollapsed": false,
            "conf": 1, "dyn": 0, "extendNew": 10, "extendRev": 50,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
        ]
    }

    static var deckConfig: [String: Any] {
        [
            "1": [
                "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
                "replayq": true, "dyn": false,
                "new": [
                    "bury": true, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 7], "order": 1,
                    "perDay": 20, "separate": true,
                ] as [String: Any],
                "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0]
                    as [String: Any],
                "rev": [
                    "bury": true, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1.0, "maxIvl": 36500, "minSpace": 1,
                    "perDay": 200,
                ] as [String: Any],
            ] as [String: Any]
        ]
    }

    /// The collection config. `mnemoDeck` carries the Mnemo deck header (id, title, languages,
    /// sources) so importing the package back gives the same deck; Anki ignores the key.
    static func conf(deckID: Int64, mnemoDeck: Any? = nil) -> [String: Any] {
        [
            "mnemoDeck": mnemoDeck ?? NSNull(),
            "activeDecks": [deckID], "curDeck": deckID, "newSpread": 0, "collapseTime": 1200, "timeLim": 0,
            "estTimes": true, "dueCounts": true, "curModel": NSNull(), "nextPos": 1, "sortType": "noteFld",
            "sortBackwards": false, "addToCur": true,
        ]
    }

    static func json(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
