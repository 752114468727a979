using System.Diagnostics;
using System.Globalization;

namespace GenreOrleans.Bench.TempoKey.Baselines;

/// <summary>Runs librosa_tempo_key.py once for the whole run and asks it about one raw file at a time.</summary>
internal sealed class LibrosaBaseline : IDisposable
{
    private readonly Process _process;

    private LibrosaBaseline(Process process) => _process = process;

    public static LibrosaBaseline? TryStart(string script, string librosaSource, string shim)
    {
        if (!File.Exists(script) || !Directory.Exists(librosaSource) || !File.Exists("/usr/bin/python3"))
            return null;
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["LIBROSA_SRC"] = librosaSource;
        start.Environment["LIBROSA_SHIM"] = shim;
        // One thread, like our own measurement.
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["NUMBA_NUM_THREADS"] = "1";
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        var process = Process.Start(start);
        return process is null ? null : new LibrosaBaseline(process);
    }

    /// <summary>Tempo (BPM) and Krumhansl key of a raw 22,050 Hz float32 file; null when librosa failed.</summary>
    public (double Bpm, int Tonic, bool Minor)? Analyse(string rawPath)
    {
        _process.StandardInput.WriteLine(rawPath);
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine();
        var f = line?.Split('\t');
        if (f is not { Length: 4 })
            return null;
        return (double.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), f[3] == "1");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
