using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenreOrleans.Dsp.Decoding.Ffmpeg;

/// <summary>
/// Decodes the formats we do not decode ourselves (FLAC, Ogg Vorbis, Opus, M4A/AAC) by running the
/// <c>ffmpeg</c> and <c>ffprobe</c> programs. The input is spooled to a temporary file first because
/// MP4 containers may keep their index at the end, which a pipe cannot seek to.
/// </summary>
public sealed class FfmpegDecoder : IAudioDecoder
{
    private const int MaxErrorChars = 4000;

    private readonly string _tempFile;
    private readonly Process _process;
    private readonly Stream _pcm;
    private readonly StringBuilder _errors = new();
    private readonly byte[] _buffer = new byte[65536];
    private int _carry;
    private bool _finished;

    public FfmpegDecoder(Stream stream, string format, bool leaveOpen = false)
    {
        var ffmpeg = FindTool("ffmpeg", format);
        var ffprobe = FindTool("ffprobe", format);
        _tempFile = Path.Combine(Path.GetTempPath(), $"genre-decode-{Guid.NewGuid():N}.{format}");
        try
        {
            using (var file = File.Create(_tempFile))
                stream.CopyTo(file);
            if (!leaveOpen)
                stream.Dispose();
            Info = Probe(ffprobe, _tempFile, format);
            var start = new ProcessStartInfo(ffmpeg)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", _tempFile, "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1" })
                start.ArgumentList.Add(arg);
            _process = Process.Start(start) ?? throw new AudioDecodingException("could not start ffmpeg");
            _process.ErrorDataReceived += (_, e) =>
            {
                lock (_errors)
                {
                    if (e.Data is not null && _errors.Length < MaxErrorChars)
                        _errors.AppendLine(e.Data);
                }
            };
            _process.BeginErrorReadLine();
            _pcm = _process.StandardOutput.BaseStream;
        }
        catch
        {
            TryDelete();
            throw;
        }
    }

    public AudioStreamInfo Info { get; }

    /// <summary>True when both ffmpeg and ffprobe are on PATH.</summary>
    public static bool IsAvailable => FindOnPath("ffmpeg") is not null && FindOnPath("ffprobe") is not null;

    public int Read(Span<float> interleaved)
    {
        if (_finished)
            return 0;
        var channels = Info.Channels;
        var wantBytes = Math.Min(interleaved.Length / channels * channels * 4, _buffer.Length / (4 * channels) * 4 * channels);
        if (wantBytes == 0)
            return 0;
        var got = _carry;
        while (got < wantBytes)
        {
            var n = _pcm.Read(_buffer, got, wantBytes - got);
            if (n == 0)
                break;
            got += n;
        }
        var whole = got / (4 * channels) * (4 * channels);
        if (whole == 0)
        {
            Finish();
            return 0;
        }
        var samples = whole / 4;
        for (var i = 0; i < samples; i++)
            interleaved[i] = BitConverter.ToSingle(_buffer, 4 * i);
        _carry = got - whole;
        if (_carry > 0)
            Buffer.BlockCopy(_buffer, whole, _buffer, 0, _carry);
        return samples;
    }

    private void Finish()
    {
        _finished = true;
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            string errors;
            lock (_errors)
                errors = _errors.ToString().Trim();
            throw new AudioDecodingException($"ffmpeg could not decode the {Info.Format} stream: {errors}");
        }
    }

    private static AudioStreamInfo Probe(string ffprobe, string file, string format)
    {
        var start = new ProcessStartInfo(ffprobe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", "error", "-select_streams", "a:0", "-show_entries",
                     "stream=sample_rate,channels,bit_rate:stream_tags:format=duration,bit_rate:format_tags", "-of", "json", file })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new AudioDecodingException("could not start ffprobe");
        var errorTask = process.StandardError.ReadToEndAsync();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
                throw new AudioDecodingException($"no audio stream found in the {format} file: {errorTask.Result.Trim()}");
            var audio = streams[0];
            var rate = int.Parse(audio.GetProperty("sample_rate").GetString()!, CultureInfo.InvariantCulture);
            var channels = audio.GetProperty("channels").GetInt32();
            if (rate <= 0 || channels is <= 0 or > 32)
                throw new AudioDecodingException($"ffprobe reports {channels} channels at {rate} Hz, which is not usable");
            root.TryGetProperty("format", out var container);
            var duration = ReadDouble(container, "duration") ?? 0;
            var bitrate = ReadDouble(audio, "bit_rate") ?? ReadDouble(container, "bit_rate");
            return new AudioStreamInfo(format, rate, channels,
                bitrate is { } b ? (int)Math.Round(b / 1000) : null,
                TimeSpan.FromSeconds(duration),
                ReadTag(container, audio, "title"), ReadTag(container, audio, "artist"), ReadTag(container, audio, "genre"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new AudioDecodingException($"ffprobe could not read the {format} file: {errorTask.Result.Trim()}", e);
        }
    }

    private static double? ReadDouble(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;

    private static string? ReadTag(JsonElement container, JsonElement stream, string name)
    {
        foreach (var element in new[] { container, stream })
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("tags", out var tags))
                continue;
            foreach (var tag in tags.EnumerateObject())
            {
                if (string.Equals(tag.Name, name, StringComparison.OrdinalIgnoreCase) && tag.Value.GetString() is { Length: > 0 } text)
                    return text;
            }
        }
        return null;
    }

    private static string FindTool(string name, string format) =>
        FindOnPath(name) ?? throw new AudioDecodingException(
            $"decoding {format} needs {name} (part of ffmpeg), which is not on PATH: install ffmpeg (e.g. apt install ffmpeg) or convert the file to MP3 or WAV");

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private void TryDelete()
    {
        try
        {
            File.Delete(_tempFile);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; failing the decode over it would not be.
        }
    }

    public void Dispose()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                try
                {
                    _process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // it exited in between
                }
            }
            _process.WaitForExit();
            _process.Dispose();
        }
        TryDelete();
    }
}
