using System.Buffers;
using Newtonsoft.Json;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>Lends Newtonsoft's reader its character buffers from the shared pool instead of allocating per page.</summary>
internal sealed class CharPool : IArrayPool<char>
{
    public static readonly CharPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
