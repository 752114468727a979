using System.Runtime.InteropServices;

namespace GenreOrleans.Training;

/// <summary>
/// Sets process environment variables that native libraries read with getenv
/// (Environment.SetEnvironmentVariable only changes .NET's own copy on Unix).
/// </summary>
internal static class NativeEnvironment
{
    public static void SetIfUnset(string name, string value)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
            return;
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows())
            _ = setenv(name, value, 0);
    }

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
}
