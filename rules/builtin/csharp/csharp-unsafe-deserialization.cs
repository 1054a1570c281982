using System.Runtime.Serialization.Formatters.Binary;
using Newtonsoft.Json;

class Store
{
    object Load(System.IO.Stream s, string json)
    {
        // ruleid: csharp-unsafe-deserialization
        var obj = new BinaryFormatter().Deserialize(s);
        // ruleid: csharp-unsafe-deserialization
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };
        // ok: csharp-unsafe-deserialization
        var order = System.Text.Json.JsonSerializer.Deserialize<Order>(json);
        // ok: csharp-unsafe-deserialization
        var plain = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
        // ok: csharp-unsafe-deserialization
        var dcs = new System.Runtime.Serialization.DataContractSerializer(typeof(Order));
        return obj;
    }
}
