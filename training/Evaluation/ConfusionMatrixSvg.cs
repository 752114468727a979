using System.Globalization;
using System.Text;

namespace GenreOrleans.Training.Evaluation;

/// <summary>Draws a confusion matrix (rows = true class, columns = predicted, row-normalised shading) as SVG.</summary>
public static class ConfusionMatrixSvg
{
    public static string Render(int[][] matrix, IReadOnlyList<string> names, string title)
    {
        const int cell = 64, left = 110, top = 70;
        var n = names.Count;
        var width = left + n * cell + 20;
        var height = top + n * cell + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"36\">rows: true family, columns: predicted family</text>\n");
        for (var i = 0; i < n; i++)
        {
            var rowTotal = Math.Max(1, matrix[i].Sum());
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{left - 6}\" y=\"{top + i * cell + cell / 2 + 4}\" text-anchor=\"end\">{Escape(names[i])}</text>\n");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{left + i * cell + cell / 2}\" y=\"{top - 6}\" text-anchor=\"middle\" font-size=\"10\">{Escape(names[i])}</text>\n");
            for (var j = 0; j < n; j++)
            {
                var share = (double)matrix[i][j] / rowTotal;
                var shade = (int)Math.Round(255 - 200 * share);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{left + j * cell}\" y=\"{top + i * cell}\" width=\"{cell}\" height=\"{cell}\" fill=\"rgb({shade},{shade},255)\" stroke=\"#999\"/>\n");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{left + j * cell + cell / 2}\" y=\"{top + i * cell + cell / 2 + 4}\" text-anchor=\"middle\">{matrix[i][j]}</text>\n");
            }
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
