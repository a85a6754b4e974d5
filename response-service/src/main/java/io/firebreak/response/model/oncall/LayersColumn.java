package io.firebreak.response.model.oncall;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Converter;
import java.util.List;

/** A schedule's layers as JSON text. */
@Converter
public class LayersColumn extends JsonColumn.Converter<List<Layer>> {

    public LayersColumn() {
        super(new TypeReference<>() { });
    }
}
