using GenreOrleans.Dsp.Decoding.Mp3;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Dsp.Tests.Decoding.Mp3;

/// <summary>All clips of ../shared/datasets/ishkur-v2.5-audio against mpg123, when both are present.</summary>
public class Mp3DecoderDatasetTests
{
    [SkippableFact]
    public void Decodes_every_dataset_clip_with_full_accuracy_against_mpg123()
    {
        var dataset = TestPaths.RequireDataset();
        var mpg123 = TestPaths.RequireTool("mpg123");
        var files = Directory.GetFiles(dataset, "*.mp3", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);

        // mpg123 uses intensity position 7 as the illegal value in MPEG-2 LSF bands of every scale factor
        // length; ISO/IEC 13818-3 uses 2^slen - 1. Clips with such bands are compared in mpg123's mode here,
        // and the standard's rule is checked by Mp3DecoderTests.Lsf_intensity_follows_the_standard_by_default.
        var mpg123Mode = new Mp3DecoderOptions { Mpg123LsfIntensity = true };
        var failures = new List<ReferenceComparison>();
        var lockObject = new object();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var reference = ReferenceComparison.DecodeWithMpg123(mpg123, file);
            var ours = ReferenceComparison.DecodeOurs(File.ReadAllBytes(file), mpg123Mode);
            var comparison = ReferenceComparison.Compare(Path.GetRelativePath(dataset, file), ours, reference);
            if (!comparison.IsFullAccuracy)
            {
                lock (lockObject)
                    failures.Add(comparison);
            }
        });
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {files.Length} clips differ from mpg123:\n" + string.Join("\n", failures.Take(30)));
    }
}
