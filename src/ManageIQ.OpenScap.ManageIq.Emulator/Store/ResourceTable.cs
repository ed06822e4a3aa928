using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>
/// One table of the in-memory database: rows are JSON objects kept in id order with an id index.
/// <see cref="Version"/> changes with every write so listings can reuse a filtered, sorted result.
/// </summary>
public sealed class ResourceTable
{
    private readonly List<JObject> _rows = [];
    private readonly Dictionary<long, JObject> _byId = [];
    private long _lastId;

    public ResourceTable(string klass)
    {
        Klass = klass;
    }

    /// <summary>The ManageIQ model class, used in messages such as <c>Couldn't find ContainerImage with 'id'=7</c>.</summary>
    public string Klass { get; }

    public int Count => _rows.Count;

    /// <summary>The rows in id order (read under the store's lock).</summary>
    public IReadOnlyList<JObject> Rows => _rows;

    public long Version { get; private set; }

    /// <summary>Stores the row, giving it the next id when it has none.</summary>
    public JObject Add(JObject row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Value<long?>("id") ?? _lastId + 1;
        row["id"] = id;
        if (_byId.Remove(id, out var old))
        {
            _rows.Remove(old);
        }

        _byId[id] = row;
        if (id > _lastId)
        {
            _rows.Add(row);
        }
        else
        {
            var at = _rows.FindIndex(r => r.Value<long>("id") > id);
            _rows.Insert(at < 0 ? _rows.Count : at, row);
        }

        _lastId = Math.Max(_lastId, id);
        Version++;
        return row;
    }

    public JObject? Find(long id) => _byId.GetValueOrDefault(id);

    public bool Remove(long id)
    {
        if (!_byId.Remove(id, out var row))
        {
            return false;
        }

        _rows.Remove(row);
        Version++;
        return true;
    }

    /// <summary>Marks a row changed in place (an edit), so cached listings are not reused.</summary>
    public void Touch() => Version++;
}
