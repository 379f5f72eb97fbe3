import Foundation

/// Bar charts drawn on the server as inline SVG: readable without JavaScript, printable, and
/// styled by classes only (the Content-Security-Policy allows no inline style). Every chart
/// has a `<title>` and each bar its value written beside it, so the figures are there for
/// screen readers and on paper too.
enum SVGChart {
    /// One bar: its label, its length (0...1 of the chart's width) and the text written beside it.
    struct Bar {
        let label: String
        let fraction: Double
        let text: String
        /// A CSS class for the bar's colour, e.g. "bar-before".
        var style = "bar"
    }

    /// Horizontal bars, one per line, with labels on the left.
    static func bars(_ title: String, _ bars: [Bar], id: String) -> String {
        let labelWidth = 190, barWidth = 300, rowHeight = 26, width = labelWidth + barWidth + 70
        let height = max(1, bars.count) * rowHeight + 8
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" id="\(id)" role="img" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" aria-labelledby="\(id)-title"><title id="\(id)-title">\(escape(title))</title>
            """
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * rowHeight
            let length = Int((max(0, min(1, bar.fraction)) * Double(barWidth)).rounded())
            svg += """
                <text class="chart-label" x="\(labelWidth - 8)" y="\(y + 17)" text-anchor="end">\(escape(String(bar.label.prefix(30))))</text>\
                <rect class="\(bar.style)" x="\(labelWidth)" y="\(y + 3)" width="\(max(1, length))" height="\(rowHeight - 8)"><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>\
                <text class="chart-value" x="\(labelWidth + length + 6)" y="\(y + 17)">\(escape(bar.text))</text>
                """
        }
        return svg + "</svg>"
    }

    private static func escape(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}
