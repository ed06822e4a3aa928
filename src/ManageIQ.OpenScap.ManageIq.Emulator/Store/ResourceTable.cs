using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>One table of the in-memory database: rows are JSON objects keyed by their numeric id, kept in id order.</summary>
public sealed class ResourceTable
{
    private readonly SortedDictionary<long, JObject> _rows = [];
    private long _lastId;

    public ResourceTable(string klass)
    {
        Klass = klass;
    }

    /// <summary>The ManageIQ model class, used in messages such as <c>Couldn't find ContainerImage with 'id'=7</c>.</summary>
    public string Klass { get; }

    public int Count => _rows.Count;

    public IEnumerable<JObject> Rows => _rows.Values;

    /// <summary>Stores the row, giving it the next id when it has none.</summary>
    public JObject Add(JObject row)
    {
        var id = row.Value<long?>("id") ?? _lastId + 1;
        row["id"] = id;
        _rows[id] = row;
        _lastId = Math.Max(_lastId, id);
        return row;
    }

    public JObject? Find(long id) => _rows.GetValueOrDefault(id);

    public bool Remove(long id) => _rows.Remove(id);
}
