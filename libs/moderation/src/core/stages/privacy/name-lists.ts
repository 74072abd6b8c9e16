/**
 * Small name dictionaries (common Indian and US given names and surnames), lower-case.
 * They let us catch "Priya Sharma" or "John Oliver" without a cue. Names that are also everyday
 * words (May, Will, Grace, Hope, Mark, Gene…) are left out of FIRST: they count only inside a
 * cue ("my name is May") or before a surname.
 */
export const FIRST = new Set(
  `aarav aarti aditi aditya ajay akash akshay alok amit amita amol anand anil anita anjali ankit ankita anoop anu anupam anuradha anushka
arjun arun aruna arvind asha ashish ashok ayesha bhavna chetan deepa deepak deepika dev devendra dinesh divya farhan fatima gaurav geeta
girish gita gopal gunjan harish harsh hemant imran indira ishaan isha jagdish jaya jyoti kajal kamal kamala kavita kavya kiran krishna
kunal lakshmi lalit lata madhu mahesh manish manoj meena meera mohan mohit mukesh nandini naveen neha nikhil nisha nitin pallavi pankaj
parvati pooja pradeep prakash pranav prashant pratik preeti prem priya priyanka rahul raj rajesh rajiv rakesh ramesh rani ravi rekha
rinku ritu rohan rohit sachin sagar sakshi salman sameer sandeep sangeeta sanjay sanjana santosh sarita satish seema shalini shanti
shilpa shivani shreya shruti shyam simran sneha sonal sonia subhash sudha suman sunil sunita suresh sushma swati tanvi tarun uma usha
vandana varun vijay vikas vikram vinay vinod vishal yash yogesh zara zoya abdul ahmed ali anwar aslam faisal javed nasreen parveen
rashid sajid shabnam shahid sultana tabassum yusuf gurpreet harpreet jaspreet manpreet simranjit balwinder kuldeep navneet baljit
lakshman venkat srinivas subramanian murugan karthik lavanya meenakshi padma revathi saravanan senthil vignesh arumugam bala
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony donald steven paul andrew
joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
brandon benjamin samuel gregory alexander patrick raymond dennis tyler aaron jerry adam nathan zachary kyle walter ethan jeremy
christian keith roger terry sean austin arthur lawrence dylan jesse jordan bryan billy bruce gabriel joe logan alan juan albert willie
elijah randy wayne vincent russell roy bobby philip johnny dan mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda emma pamela nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane olivia julie joyce victoria kelly christina lauren joan evelyn judith megan andrea cheryl hannah jacqueline
martha gloria teresa sara madison kathryn janice jean abigail alice julia judy sophia denise amber doris marilyn danielle beverly
isabella theresa diana natalie brittany charlotte marie kayla alexis lori priyanka tanya sophie mia ava chloe noah liam mason lucas
oliver elena laila nadia omar hassan`
    .split(/\s+/)
    .filter(Boolean),
);

export const SURNAMES = new Set(
  `sharma verma gupta singh kumar patel shah mehta joshi iyer iyengar nair menon pillai reddy rao naidu chowdhury choudhary das dutta
banerjee chatterjee mukherjee ganguly bose ghosh sen roy sinha mishra tiwari pandey dubey shukla tripathi srivastava saxena agarwal
aggarwal bansal goel jain malhotra kapoor khanna chopra arora bhatia sethi gill sandhu dhillon grewal yadav chauhan rathore thakur
desai kulkarni deshpande patil pawar jadhav shinde gaikwad kamat naik hegde shetty bhat kaur khan ahmed qureshi siddiqui ansari sheikh
hussain rizvi farooqui fernandes dsouza pereira rodrigues thomas george varghese kurian mathew krishnan subramaniam raman venkatesh
natarajan rajan balasubramanian chandra prasad murthy swamy gowda hiremath kaushik bhardwaj vyas trivedi dwivedi chaturvedi upadhyay
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson taylor moore jackson
martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young allen king wright scott torres nguyen hill
flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards
collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox
ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross
foster jimenez oliver nixon tailor mayers milhous`
    .split(/\s+/)
    .filter(Boolean),
);

/** Diseases, signs and tests named after people: never a person in a health forum. */
export const EPONYMS = new Set(
  `parkinson parkinsons alzheimer alzheimers down crohn crohns hashimoto hashimotos graves addison addisons cushing cushings hodgkin
hodgkins bell bells tourette tourettes asperger aspergers huntington huntingtons raynaud raynauds sjogren sjogrens guillain barre
kawasaki lyme marfan meniere menieres paget pagets peyronie reiter tay sachs turner klinefelter duchenne ehlers danlos gilbert gilberts
bright hirschsprung kaposi stevens apgar glasgow whipple barrett barretts burkitt ewing wilms conn dupuytren osgood schlatter perthes
bartholin epstein barr fallot buerger behcet takayasu kegel heimlich valsalva babinski romberg murphy mcburney rovsing homan trendelenburg
lou gehrig gehrigs wernicke korsakoff munchausen baker bakers legionnaires still stills wolff horner bartter fanconi hurler gaucher
niemann pick fabry pompe krabbe tay-sachs ebstein eisenmenger kussmaul cheyne stokes korotkoff pap holter foley swan ganz doppler`
    .split(/\s+/)
    .filter(Boolean),
);

/** Everyday given names that are also words: a name only with a cue or a following surname. */
export const AMBIGUOUS_FIRST = new Set(
  `may will bill mark grace hope faith joy rose lily jack frank rich sunny summer dawn art gene pat sue don ray rob guy chase drew miles max
cliff penny ruby amber crystal hunter rocky pearl iris june april august jan kim sky star angel asha`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Capitalised words that follow "I am", "this is", "Dr" and friends but are not names.
 * Checked lower-case.
 */
export const NOT_NAMES = new Set(
  `a an the i me my mine myself we our you your he she it they them his her its their this that these those here there what which who
whom whose when where why how all any both each few more most other some such no nor not only own same so than too very just also
now then once again ever never always still already yet and but or if because as until while of at by for with about against between
into through during before after above below to from up down in out on off over under is am are was were be been being have has had
having do does did doing can could should would may might must shall will ok okay yes yeah hi hello hey dear thanks thank please sorry
sir madam maam doctor doc dr mr mrs ms patient user mother father mom dad son daughter wife husband brother sister friend baby child kid
new old good bad fine sick ill better worse worried scared afraid confused tired exhausted diabetic hypertensive pregnant positive
negative allergic anemic anaemic obese overweight underweight asthmatic epileptic depressed anxious suffering taking having feeling
getting going trying looking writing asking wondering concerned currently also really so very not just still on off using
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november
december today tomorrow yesterday morning evening night week month year day hospital clinic appointment visit consultation
opinion advice report reports test tests result results scan mri ct xray ultrasound blood sugar bp pressure medicine medicines tablet
tablets doctors physician surgeon specialist cardiologist neurologist gynecologist gynaecologist pediatrician paediatrician
dermatologist psychiatrist endocrinologist orthopedic orthopaedic ent dentist nurse hindi english indian american vegetarian
covid corona dengue malaria typhoid tb thyroid diabetes cancer pcos pcod hiv aids ibs gerd copd asthma migraine arthritis
started stopped said says told advised prescribed gave asked suggested recommended checked examined increased reduced
changed added continued referred explained wrote diagnosed confirmed operated visited called kept wants wanted thinks thought
google youtube internet chatgpt wikipedia
india usa us uk delhi mumbai bangalore chennai kolkata hyderabad pune god allah bhagwan ji sahab saheb bhai didi ji`
    .split(/\s+/)
    .filter(Boolean),
);
