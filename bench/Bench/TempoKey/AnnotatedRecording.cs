namespace GenreOrleans.Bench.TempoKey;

/// <summary>One row of annotations.csv: a real recording and the tempo and key its source documents.</summary>
internal sealed record AnnotatedRecording(string Id, string Collection, string Style, double? TempoBpm, string? Key, string TempoSource, string KeySource)
{
    public static List<AnnotatedRecording> Load(string path)
    {
        var rows = new List<AnnotatedRecording>();
        var lines = File.ReadAllLines(path);
        var header = SplitCsv(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = SplitCsv(line);
            double? tempo = double.TryParse(f[Col("tempo_bpm")], System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null;
            var key = f[Col("key")];
            rows.Add(new AnnotatedRecording(f[Col("id")], f[Col("collection")], f[Col("style")], tempo,
                key.Length > 0 ? key : null, f[Col("tempo_source")], f[Col("key_source")]));
        }
        return rows;
    }

    /// <summary>Splits one CSV line, honouring double-quoted fields.</summary>
    public static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
