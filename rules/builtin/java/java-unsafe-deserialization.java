import java.beans.XMLDecoder;
import java.io.*;
import org.yaml.snakeyaml.Yaml;

class Loader {
    Object load(InputStream in) throws Exception {
        // ruleid: java-unsafe-deserialization
        ObjectInputStream ois = new ObjectInputStream(in);
        // ruleid: java-unsafe-deserialization
        Object bean = new XMLDecoder(in).readObject();
        // ruleid: java-unsafe-deserialization
        Object cfg = new Yaml().load(in);
        // ok: java-unsafe-deserialization
        ValidatingObjectInputStream safe = new ValidatingObjectInputStream(in);
        // ok: java-unsafe-deserialization
        Order order = new ObjectMapper().readValue(in, Order.class);
        // ok: java-unsafe-deserialization
        Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        // ok: java-unsafe-deserialization
        ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream());
        return ois.readObject();
    }
}
