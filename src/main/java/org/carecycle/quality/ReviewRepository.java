package org.carecycle.quality;

import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

/** Where reviews are kept, whole with their findings. */
interface ReviewRepository extends CrudRepository<Review, UUID> {

}
