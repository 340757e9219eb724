import DeckBuilder
import Foundation
import MnemoCore

/// Small pieces shared by the statistics pages: escaping, the style sheet, inline SVG charts.
enum HTMLKit {
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// User text (prompts, answers, quotes, titles) isolated for bidi, so an Arabic sentence does
    /// not reorder the punctuation and file names around it.
    static func bdi(_ text: String) -> String { "<bdi>\(escape(text))</bdi>" }

    /// ` dir="rtl" lang="ar"` for text written in Arabic letters (by the deck builder's script rule, as the
    /// quiz sheet marks its Arabic cards), else nothing: the page's left-to-right direction holds.
    static func direction(_ text: String) -> String {
        Script.language(of: text) == "ar" ? " dir=\"rtl\" lang=\"ar\"" : ""
    }

    /// A file:line citation, always left to right.
    static func cite(_ file: String, _ line: Int?) -> String {
        "<bdi dir=\"ltr\">\(escape(file))\(line.map { ":\($0)" } ?? "")</bdi>"
    }

    static func clip(_ text: String, _ width: Int) -> String { StatsFormat.clip(text, width) }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let style = """
        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d2330;
          margin: 24px auto; max-width: 1040px; padding: 0 20px; background: #fff; }
        header h1 { font-size: 24px; margin: 0 0 2px; }
        .sub { color: #5d6675; margin: 0 0 8px; }
        section { border-top: 1px solid #d9dee7; padding: 12px 0 18px; }
        svg, .tiles, tr, .two > div { break-inside: avoid; page-break-inside: avoid; }
        h2, h3 { break-after: avoid; page-break-after: avoid; }
        h2 { font-size: 17px; margin: 0 0 10px; }
        h3 { font-size: 14px; margin: 12px 0 6px; color: #3b4452; }
        .tiles { display: flex; gap: 10px; flex-wrap: wrap; }
        .tile { border: 1px solid #d9dee7; border-radius: 6px; padding: 8px 14px; min-width: 130px; }
        .tile b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
        .tile span { color: #5d6675; font-size: 12px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 4px 6px; text-align: left; border-bottom: 1px solid #e8ebf0; vertical-align: top; }
        th { font-weight: 600; color: #3b4452; font-size: 12px; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .quote { color: #5d6675; font-style: italic; font-size: 12px; }
        .meter { display: inline-block; width: 100px; height: 10px; background: #e8ebf0; border-radius: 2px; vertical-align: middle; }
        .meter i { display: block; height: 10px; background: #2e9e57; border-radius: 2px; }
        .quote, .card { unicode-bidi: plaintext; }
        td[dir="rtl"] { text-align: right; }
        table.fit { width: auto; min-width: 60%; }
        td.names { font-size: 12px; color: #3b4452; }
        .note { color: #5d6675; font-size: 12px; }
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font: 10px system-ui, "DejaVu Sans", sans-serif; fill: #5d6675; }
        svg .value { fill: #1d2330; }
        @media print {
          body { margin: 0; max-width: none; padding: 0 8mm; font-size: 11pt; }
          .tile { border-color: #999; }
          section { padding: 6px 0 10px; }
        }
        """

    static let heatColors = ["#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127"]

    struct Bar {
        var value: Double
        /// Text above the bar (nil: none).
        var label: String?
        /// Text under the axis (nil: none).
        var tick: String?
        var title: String
    }

    /// A vertical bar chart; `maximum` fixes the scale (else the largest value).
    static func bars(
        _ bars: [Bar], width: Int, height: Int, color: String, maximum: Double? = nil, gridLabel: String? = nil
    ) -> String {
        let top = max(maximum ?? (bars.map(\.value).max() ?? 0), 1e-9)
        let left = 34.0
        let bottom = 18.0
        let topPad = 14.0
        let plotH = Double(height) - bottom - topPad
        let slot = (Double(width) - left) / Double(max(bars.count, 1))
        let barW = max(2, slot * 0.72)
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\">"
        let axisY = topPad + plotH
        svg += line(x1: left, y1: axisY, x2: Double(width), y2: axisY, color: "#b8c0cc")
        svg += line(x1: left, y1: topPad, x2: Double(width), y2: topPad, color: "#eef0f4")
        svg += text(x: left - 4, y: topPad + 3, gridLabel ?? format(top), anchor: "end")
        svg += text(x: left - 4, y: axisY + 3, "0", anchor: "end")
        for (i, bar) in bars.enumerated() {
            let h = plotH * min(1, max(0, bar.value) / top)
            let x = left + Double(i) * slot + (slot - barW) / 2
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(axisY - h))\" width=\"\(f(barW))\" height=\"\(f(h))\" fill=\"\(color)\">"
            svg += "<title>\(escape(bar.title))</title></rect>"
            if let label = bar.label, bar.value > 0 {
                svg +=
                    "<text class=\"value\" x=\"\(f(x + barW / 2))\" y=\"\(f(axisY - h - 3))\" text-anchor=\"middle\">\(escape(label))</text>"
            }
            if let tick = bar.tick {
                svg += text(x: x + barW / 2, y: axisY + 13, tick, anchor: "middle")
            }
        }
        return svg + "</svg>"
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, color: String) -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(color)\" stroke-width=\"1\"/>"
    }

    static func text(x: Double, y: Double, _ s: String, anchor: String = "start") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(escape(s))</text>"
    }

    static func meter(_ fraction: Double, color: String = "#2e9e57") -> String {
        let pct = String(format: "%.1f", min(1, max(0, fraction)) * 100)
        return "<span class=\"meter\"><i style=\"width:\(pct)%;background:\(color)\"></i></span>"
    }

    static func tile(_ value: String, _ caption: String) -> String {
        "<div class=\"tile\"><b>\(escape(value))</b><span>\(escape(caption))</span></div>"
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }
}
