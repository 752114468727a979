using System.Globalization;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Development aid behind <see cref="KeyProfile.Fitted"/>: a conditional logit over the 24 keys of
/// each recording, fitted on the pitch-class profiles that <see cref="KeyProfileDump"/> wrote.
/// A key's score is the centred, unit-length profile rotated to that key's tonic, dotted with the
/// mode's template, plus an offset for minor. The templates are parametrised as a multiple of
/// Faraldo's EDM profile plus a correction, and only the correction is penalised (L2): with a few
/// hundred recordings the fit stays near a published profile unless the data insist.
/// Prints cross-validated MIREX scores (5 folds, 3 seeds), the score of each collection under a
/// fit on the others, and the C# lines for <see cref="KeyProfiles"/>.
/// </summary>
internal static class KeyTemplateFit
{
    private const int Dimension = 24 + 2; // major correction, minor correction, EDMA weight, minor offset

    private sealed record Item(string Id, string Collection, int Tonic, bool Minor, double[] Profile);

    public static void Run(IReadOnlyList<string> dumps, double l2)
    {
        var items = dumps.SelectMany(Load).ToList();
        Console.WriteLine($"key template fit: {items.Count} recordings ({string.Join(", ", items.GroupBy(i => i.Collection).Select(g => $"{g.Key} {g.Count()}"))}), L2 {l2}");
        var edma = new KeyDetector(new KeyDetectorOptions { Profile = KeyProfile.ElectronicDanceMusic });
        var shipped = new KeyDetector(new KeyDetectorOptions { Profile = KeyProfile.Fitted });
        Report("published EDMA profile (no fit)", items, items.Select(i => Score(edma.DetectFromProfile(i.Profile), i)).ToArray());
        if (KeyProfiles.Get(KeyProfile.Fitted).Major.Length == 12)
            Report("shipped fitted profile (in-sample where fitted on these)", items, items.Select(i => Score(shipped.DetectFromProfile(i.Profile), i)).ToArray());

        var cv = new double[items.Count];
        for (var seed = 0; seed < 3; seed++)
        {
            var order = Enumerable.Range(0, items.Count).OrderBy(_ => 0).ToArray();
            new Random(seed).Shuffle(order);
            for (var fold = 0; fold < 5; fold++)
            {
                var test = order.Where((_, k) => k % 5 == fold).ToHashSet();
                var w = Fit(items.Where((_, k) => !test.Contains(k)).ToList(), l2);
                foreach (var k in test) cv[k] += Score(Detect(w, items[k].Profile), items[k]) / 3;
            }
        }
        Report("fitted, 5-fold cross-validation (mean of 3 seeds)", items, cv);
        foreach (var collection in items.Select(i => i.Collection).Distinct())
        {
            var w = Fit(items.Where(i => i.Collection != collection).ToList(), l2);
            var held = items.Where(i => i.Collection == collection).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   fitted on the other collections, scored on {collection}: {held.Average(i => Score(Detect(w, i.Profile), i)):F3} (n={held.Count})"));
        }

        var all = Fit(items, l2);
        var (major, minor, offset) = Templates(all);
        Console.WriteLine("   C# for KeyProfiles (fitted on all recordings):");
        Console.WriteLine($"    private static readonly double[] FittedMajor = [{Format(major)}];");
        Console.WriteLine($"    private static readonly double[] FittedMinor = [{Format(minor)}];");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    public const double FittedMinorOffset = {offset:F4};"));
    }

    private static string Format(double[] values) => string.Join(", ", values.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)));

    private static IEnumerable<Item> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = AnnotatedRecording.SplitCsv(lines[0]);
        var first = Array.IndexOf(header, "pcp0");
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = AnnotatedRecording.SplitCsv(line);
            if (!KeyNames.TryParse(f[2], out var tonic, out var minor)) continue;
            var profile = Enumerable.Range(first, 12).Select(c => double.Parse(f[c], CultureInfo.InvariantCulture)).ToArray();
            yield return new Item(f[0], f[1], tonic, minor, profile);
        }
    }

    private static double Score(KeyReading key, Item item) => TempoKeyScores.MirexKey(key.Tonic, key.IsMinor, item.Tonic, item.Minor);

    /// <summary>The 24 candidate feature vectors of one profile: index tonic + 12 × minor.</summary>
    private static double[][] Candidates(double[] profile)
    {
        var x = KeyDetector.CentredUnit(profile);
        var (edmaMajor, edmaMinor) = (KeyDetector.CentredUnit(KeyProfiles.Get(KeyProfile.ElectronicDanceMusic).Major),
                                      KeyDetector.CentredUnit(KeyProfiles.Get(KeyProfile.ElectronicDanceMusic).Minor));
        var candidates = new double[24][];
        for (var key = 0; key < 24; key++)
        {
            var (tonic, minor) = (key % 12, key >= 12);
            var z = new double[Dimension];
            double edmaFit = 0;
            for (var i = 0; i < 12; i++)
            {
                var r = x[(i + tonic) % 12];
                z[(minor ? 12 : 0) + i] = r;
                edmaFit += r * (minor ? edmaMinor : edmaMajor)[i];
            }
            z[24] = edmaFit;
            z[25] = minor ? 1 : 0;
            candidates[key] = z;
        }
        return candidates;
    }

    private static double[] Fit(IReadOnlyList<Item> items, double l2)
    {
        var data = items.Select(i => (Candidates(i.Profile), Target: i.Tonic + (i.Minor ? 12 : 0))).ToList();
        var w = new double[Dimension];
        var m = new double[Dimension];
        var v = new double[Dimension];
        var gradient = new double[Dimension];
        var p = new double[24];
        // Full-batch Adam on a convex objective: enough steps to settle to 1e-4.
        for (var step = 1; step <= 4000; step++)
        {
            for (var d = 0; d < Dimension; d++) gradient[d] = d < 24 ? 2 * l2 * w[d] : 0;
            foreach (var (z, target) in data)
            {
                var max = double.NegativeInfinity;
                for (var k = 0; k < 24; k++) { p[k] = Dot(w, z[k]); max = Math.Max(max, p[k]); }
                double sum = 0;
                for (var k = 0; k < 24; k++) { p[k] = Math.Exp(p[k] - max); sum += p[k]; }
                for (var k = 0; k < 24; k++)
                {
                    var g = p[k] / sum - (k == target ? 1 : 0);
                    for (var d = 0; d < Dimension; d++) gradient[d] += g * z[k][d];
                }
            }
            var rate = 0.05 / Math.Sqrt(1 + step / 200.0);
            for (var d = 0; d < Dimension; d++)
            {
                m[d] = 0.9 * m[d] + 0.1 * gradient[d];
                v[d] = 0.999 * v[d] + 0.001 * gradient[d] * gradient[d];
                w[d] -= rate * (m[d] / (1 - Math.Pow(0.9, step))) / (Math.Sqrt(v[d] / (1 - Math.Pow(0.999, step))) + 1e-8);
            }
        }
        return w;
    }

    /// <summary>The fitted weights as KeyProfile.Fitted's templates: correction plus the weighted EDMA profile.</summary>
    private static (double[] Major, double[] Minor, double Offset) Templates(double[] w)
    {
        var (edmaMajor, edmaMinor) = (KeyDetector.CentredUnit(KeyProfiles.Get(KeyProfile.ElectronicDanceMusic).Major),
                                      KeyDetector.CentredUnit(KeyProfiles.Get(KeyProfile.ElectronicDanceMusic).Minor));
        var major = Enumerable.Range(0, 12).Select(i => w[i] + w[24] * edmaMajor[i]).ToArray();
        var minor = Enumerable.Range(0, 12).Select(i => w[12 + i] + w[24] * edmaMinor[i]).ToArray();
        return (major, minor, w[25]);
    }

    private static KeyReading Detect(double[] w, double[] profile)
    {
        var (major, minor, offset) = Templates(w);
        return KeyDetector.DetectWithTemplates(profile, major, minor, offset);
    }

    private static void Report(string label, List<Item> items, double[] scores)
    {
        var parts = items.Select((item, k) => (item.Collection, Score: scores[k])).GroupBy(x => x.Collection)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Average(x => x.Score):F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {label,-58} all {scores.Average():F3} ({string.Join(", ", parts)})"));
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
