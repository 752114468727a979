using System.Diagnostics;
using System.Globalization;

namespace GenreOrleans.Bench.TempoKey.Baselines;

/// <summary>Runs the libqm-dsp harness (qm_tempo_key.cpp) on 44,100 Hz float32 samples piped in.</summary>
internal sealed class QmDspBaseline(string harness)
{
    public static QmDspBaseline? TryCreate(string harness) => File.Exists(harness) ? new QmDspBaseline(harness) : null;

    public (double Bpm, int Tonic, bool Minor)? Analyse(float[] samples44k)
    {
        var start = new ProcessStartInfo(harness)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start);
        if (process is null)
            return null;
        var output = process.StandardOutput.ReadToEndAsync();
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples44k.AsSpan());
        process.StandardInput.BaseStream.Write(bytes);
        process.StandardInput.Close();
        process.WaitForExit();
        var f = output.Result.Trim().Split('\t');
        if (process.ExitCode != 0 || f.Length != 3)
            return null;
        return (double.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), f[2] == "1");
    }
}
